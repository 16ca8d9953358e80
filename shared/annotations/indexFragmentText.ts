import * as Y from 'yjs';

export interface TextRun {
  type: Y.XmlText;
  /** offset of the run in the plain text */
  start: number;
  text: string;
  attributes: Record<string, unknown> | undefined;
}

export interface FragmentText {
  /** Plain text of the fragment, one "\n" between blocks. */
  text: string;
  runs: TextRun[];
  /** offset in `text` where each Y.XmlText starts */
  starts: Map<Y.XmlText, number>;
}

/**
 * Flattens a ProseMirror-shaped Y.XmlFragment into plain text, remembering where each Y.XmlText
 * and each formatted run sits. The one convention for offsets shared by anchors, comments and
 * exports.
 */
export function indexFragmentText(fragment: Y.XmlFragment): FragmentText {
  // Pieces joined once at the end: testing the end of a growing string flattens it every time,
  // which made a 100-page document take seconds.
  const pieces: string[] = [];
  let length = 0;
  let endsWithBreak = false;
  const runs: TextRun[] = [];
  const starts = new Map<Y.XmlText, number>();
  const blockBoundary = () => {
    if (length > 0 && !endsWithBreak) {
      pieces.push('\n');
      length += 1;
      endsWithBreak = true;
    }
  };
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      starts.set(node, length);
      for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        runs.push({ type: node, start: length, text: op.insert, attributes: op.attributes });
        if (op.insert.length === 0) continue;
        pieces.push(op.insert);
        length += op.insert.length;
        endsWithBreak = op.insert.endsWith('\n');
      }
      return;
    }
    const block = node instanceof Y.XmlElement;
    if (block) blockBoundary();
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
    }
    if (block) blockBoundary();
  };
  walk(fragment);
  return { text: pieces.join(''), runs, starts };
}

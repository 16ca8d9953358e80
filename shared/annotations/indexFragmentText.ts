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
  let text = '';
  const runs: TextRun[] = [];
  const starts = new Map<Y.XmlText, number>();
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      starts.set(node, text.length);
      for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        runs.push({ type: node, start: text.length, text: op.insert, attributes: op.attributes });
        text += op.insert;
      }
      return;
    }
    const block = node instanceof Y.XmlElement;
    if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
    }
    if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  walk(fragment);
  return { text, runs, starts };
}

import * as Y from 'yjs';

/** Name of the mark that anchors an annotation; its only attribute is `id`. */
export const ANNOTATION_MARK = 'annotation';

export interface AnchorRange {
  from: number;
  to: number;
}

export interface DocumentAnchors {
  /** Plain text of the document, one "\n" between blocks; the offsets below index into it. */
  text: string;
  /** Ranges of text carrying each annotation id, in document order, adjacent runs merged. */
  ranges: Map<string, AnchorRange[]>;
}

/** y-tiptap stores overlapping marks as `<mark>--<hash>` attributes on Y.XmlText. */
function annotationIds(attributes: Record<string, unknown> | undefined): string[] {
  if (!attributes) return [];
  const ids: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const name = key.split('--')[0];
    const id = (value as { id?: unknown } | null)?.id;
    if (name === ANNOTATION_MARK && typeof id === 'string') ids.push(id);
  }
  return ids;
}

/**
 * Reads the annotation anchors of a text document straight from its Yjs fragment (no editor
 * needed): used for the workspace-wide analysis and on the server.
 */
export function extractAnchors(fragment: Y.XmlFragment): DocumentAnchors {
  let text = '';
  const ranges = new Map<string, AnchorRange[]>();
  const add = (id: string, from: number, to: number) => {
    const list = ranges.get(id) ?? [];
    const last = list.at(-1);
    if (last && last.to >= from - 1 && text.slice(last.to, from).trim() === '') last.to = to;
    else list.push({ from, to });
    ranges.set(id, list);
  };
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        const from = text.length;
        text += op.insert;
        for (const id of annotationIds(op.attributes)) add(id, from, text.length);
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
  return { text, ranges };
}

/** The quoted text of a passage: its ranges, with a space where a block boundary separates them. */
export function quoteOf(anchors: DocumentAnchors, ranges: AnchorRange[]): string {
  return ranges
    .map((range) => anchors.text.slice(range.from, range.to))
    .join(' ')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

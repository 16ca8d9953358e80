import type * as Y from 'yjs';
import { indexFragmentText } from './indexFragmentText.ts';

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
  const { text, runs } = indexFragmentText(fragment);
  const ranges = new Map<string, AnchorRange[]>();
  for (const run of runs) {
    const from = run.start;
    const to = run.start + run.text.length;
    for (const id of annotationIds(run.attributes)) {
      const list = ranges.get(id) ?? [];
      const last = list.at(-1);
      if (last && last.to >= from - 1 && text.slice(last.to, from).trim() === '') last.to = to;
      else list.push({ from, to });
      ranges.set(id, list);
    }
  }
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

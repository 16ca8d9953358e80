import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { setQuote } from '../../../shared/annotations/annotationDoc.ts';
import { extractAnchors, quoteOf } from '../../../shared/annotations/extractAnchors.ts';
import { annotationIdsOf } from './annotationRanges.ts';

/** Origin of quote refreshes: not one of y-tiptap's, so undo never takes them back by themselves. */
export const QUOTE_REFRESH_ORIGIN = { source: 'annotation-quote' };

function idsBetween(doc: PMNode, from: number, to: number, into: Set<string>): void {
  const start = Math.max(0, from - 1);
  const end = Math.min(doc.content.size, to + 1);
  if (start >= end) return;
  doc.nodesBetween(start, end, (node) => {
    if (node.isText) for (const id of annotationIdsOf(node.marks)) into.add(id);
    return true;
  });
}

/** Annotations whose text a transaction touched (inside a passage or right at its edges). */
export function touchedAnnotations(tr: Transaction): Set<string> {
  const ids = new Set<string>();
  tr.steps.forEach((step, index) => {
    const before = tr.docs[index]!;
    const after = tr.docs[index + 1] ?? tr.doc;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      idsBetween(before, oldStart, oldEnd, ids);
      idsBetween(after, newStart, newEnd, ids);
    });
  });
  return ids;
}

/** True for the local person's own changes (typing, pasting, their undo and redo), not others'. */
export function isOwnChange(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return !meta?.isChangeOrigin || meta.isUndoRedoOperation === true;
}

/**
 * Keeps each record's `quote` close to its passage's words: after the local person edits inside a
 * passage, its quote is rewritten once they pause, so an orphaned passage shows its last words.
 * A passage whose text is gone keeps the quote it had.
 */
export class QuoteRefresher {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly fragment: Y.XmlFragment,
    private readonly delayMs = 1000,
  ) {}

  touched(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(id);
    if (this.pending.size === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0 || this.doc.isDestroyed) return;
    const ids = [...this.pending];
    this.pending.clear();
    const anchors = extractAnchors(this.fragment);
    this.doc.transact(() => {
      for (const id of ids) {
        const ranges = anchors.ranges.get(id);
        if (ranges && ranges.length > 0) setQuote(this.doc, id, quoteOf(anchors, ranges));
      }
    }, QUOTE_REFRESH_ORIGIN);
  }

  destroy(): void {
    this.flush();
  }
}

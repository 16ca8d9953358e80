import type { Node as PMNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { resolveTextAnchor } from '../../shared/comments/textAnchor.ts';
import type { ThreadRecord } from '../../shared/comments/threadsDoc.ts';
import { textPositions } from './textPositions.ts';

/** Where a thread's passage is now: plain-text offsets and editor positions, or nothing (orphaned). */
export interface ThreadPlace {
  offset: number;
  end: number;
  from: number;
  to: number;
}

/** Resolves every thread's anchor against the text and maps it into the editor's document. */
export function placeThreads(fragment: Y.XmlFragment, pm: PMNode, threads: readonly ThreadRecord[]): Map<string, ThreadPlace> {
  const index = indexFragmentText(fragment);
  const positions = textPositions(pm);
  const places = new Map<string, ThreadPlace>();
  for (const thread of threads) {
    if (!thread.anchor) continue;
    const resolved = resolveTextAnchor(fragment, thread.anchor, index);
    if (!resolved) continue;
    const from = positions.toPos(resolved.from);
    const to = positions.toPos(resolved.to);
    if (from === undefined || to === undefined || to <= from) continue;
    places.set(thread.id, { offset: resolved.from, end: resolved.to, from, to });
  }
  return places;
}

/** Threads in document order; orphaned ones (passage deleted) last, oldest first. */
export function inDocumentOrder(threads: readonly ThreadRecord[], places: ReadonlyMap<string, ThreadPlace>): ThreadRecord[] {
  return [...threads].sort((a, b) => {
    const pa = places.get(a.id);
    const pb = places.get(b.id);
    if (pa && pb) return pa.offset - pb.offset || pa.end - pb.end || a.createdAt - b.createdAt;
    if (pa) return -1;
    if (pb) return 1;
    return a.createdAt - b.createdAt;
  });
}

import type { AnchorRange } from '../annotations/extractAnchors.ts';
import type { Person } from '../annotations/annotationDoc.ts';

/** A tagged passage as the analysis sees it: one annotation in one document. */
export interface Passage {
  /** Annotation id, unique within its document. */
  id: string;
  documentId: string;
  /** Tags as stored (before merges and hierarchy are applied). */
  termIds: string[];
  /** Where the passage is; empty when its text was deleted (orphaned). */
  ranges: AnchorRange[];
  quote: string;
  author: Person;
  createdAt: number;
}

export function isOrphaned(passage: Passage): boolean {
  return passage.ranges.length === 0;
}

export function passageKey(passage: Pick<Passage, 'documentId' | 'id'>): string {
  return `${passage.documentId}\u0000${passage.id}`;
}

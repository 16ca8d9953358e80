import type { OverlapAnalysis } from './OverlapAnalysis.ts';
import type { Passage } from './Passage.ts';

export interface PassageFilter {
  /** every one of these terms applies */
  all?: string[];
  /** at least one of these applies (ignored when empty) */
  any?: string[];
  /** none of these applies */
  none?: string[];
  /** created by this person (display name) */
  author?: string;
  documentId?: string;
  includeOrphaned?: boolean;
}

/** Passages matching a filter: tag X AND/OR/NOT Y, by author, by document. */
export function filterPassages(analysis: OverlapAnalysis, filter: PassageFilter): Passage[] {
  const source = filter.documentId ? analysis.passagesOf(filter.documentId) : analysis.allPassages();
  return source.filter((passage) => {
    if (!filter.includeOrphaned && passage.ranges.length === 0) return false;
    if (filter.author && passage.author.name !== filter.author) return false;
    const terms = analysis.termsOf(passage);
    if (filter.all?.some((t) => !terms.has(t))) return false;
    if (filter.any && filter.any.length > 0 && !filter.any.some((t) => terms.has(t))) return false;
    if (filter.none?.some((t) => terms.has(t))) return false;
    return true;
  });
}

import type { OverlapAnalysis } from './OverlapAnalysis.ts';
import { termsOfKind } from './termsOfKind.ts';

export interface CoverageRow {
  id: string;
  label: string;
  passages: number;
  documents: number;
}

/** Passages and documents per stakeholder group; groups with nothing are listed with zeros. */
export function stakeholderCoverage(analysis: OverlapAnalysis, kind = 'stakeholder'): CoverageRow[] {
  return termsOfKind(analysis.getTaxonomy(), kind).map((term) => ({
    id: term.id,
    label: term.label,
    passages: analysis.passageCount(term.id),
    documents: analysis.documentCount(term.id),
  }));
}

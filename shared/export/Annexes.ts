import type { NormRow } from '../analysis/classifyNorms.ts';
import type { Matrix } from '../analysis/normAgreementMatrix.ts';
import type { CoverageRow } from '../analysis/stakeholderCoverage.ts';

export interface AnnexPassage {
  documentTitle: string;
  quote: string;
  /** Labels of all its tags, in the order they were added. */
  tags: string[];
  note: number;
}

/** The analysis of the exported documents, computed when the report is assembled. */
export interface Annexes {
  normClasses?: { horizontal: NormRow[]; initiativeSpecific: NormRow[] };
  matrix?: Matrix;
  coverage?: CoverageRow[];
  passagesByNorm?: { normId: string; label: string; passages: AnnexPassage[] }[];
  /** Every tagged passage with its tags (when tags are placed in an annex rather than in notes). */
  taggedPassages?: AnnexPassage[];
}

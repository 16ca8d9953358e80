import type { OverlapAnalysis } from '../../shared/analysis/OverlapAnalysis.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';

/** What every sidebar panel needs to show and link passages. */
export interface AnalysisView {
  analysis: OverlapAnalysis;
  /** Bumps on every change: the key for memoised views. */
  version: number;
  taxonomy: Taxonomy;
  workspaceId: string;
  /** The document open in the editor. */
  documentId: string;
  /** Document titles by id, from the workspace index. */
  titles: ReadonlyMap<string, string>;
  /** True when other documents are included (passages then name their document). */
  workspaceScope: boolean;
}

import type { OverlapAnalysis } from './OverlapAnalysis.ts';
import { termsOfKind } from './termsOfKind.ts';

export type NormClass = 'horizontal' | 'initiative-specific' | 'untied';

export interface NormRow {
  normId: string;
  label: string;
  /** Agreements co-tagged with the norm, most shared units first. */
  agreements: { id: string; label: string; units: number }[];
  class: NormClass;
  passages: number;
}

export function classOf(agreementCount: number): NormClass {
  if (agreementCount >= 2) return 'horizontal';
  return agreementCount === 1 ? 'initiative-specific' : 'untied';
}

/**
 * Each norm with the agreements it is co-tagged with: horizontal (two or more agreements),
 * initiative-specific (exactly one) or untied (none yet). Norms with no passages are included
 * (untied) only when `includeUntagged`.
 */
export function classifyNorms(analysis: OverlapAnalysis, options: { includeUntagged?: boolean } = {}): NormRow[] {
  const taxonomy = analysis.getTaxonomy();
  const rows: NormRow[] = [];
  for (const norm of termsOfKind(taxonomy, 'norm', true)) {
    const passages = analysis.passageCount(norm.id);
    if (passages === 0 && (norm.retired || !options.includeUntagged)) continue;
    const agreements: NormRow['agreements'] = [];
    for (const [id, units] of analysis.neighbours(norm.id)) {
      const term = taxonomy.terms.get(id);
      if (term?.kind === 'agreement') agreements.push({ id, label: term.label, units });
    }
    agreements.sort((a, b) => b.units - a.units || a.label.localeCompare(b.label));
    rows.push({ normId: norm.id, label: norm.label, agreements, class: classOf(agreements.length), passages });
  }
  const order: Record<NormClass, number> = { horizontal: 0, 'initiative-specific': 1, untied: 2 };
  return rows.sort((a, b) => order[a.class] - order[b.class] || b.agreements.length - a.agreements.length || b.passages - a.passages || a.label.localeCompare(b.label));
}

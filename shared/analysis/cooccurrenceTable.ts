import type { OverlapAnalysis } from './OverlapAnalysis.ts';
import { termsOfKind } from './termsOfKind.ts';

export interface CooccurrenceRow {
  a: { id: string; label: string };
  b: { id: string; label: string };
  n1: number;
  n2: number;
  n12: number;
  /** ATLAS.ti's c-coefficient: n12 / (n1 + n2 − n12), 0..1 */
  c: number;
}

export function cCoefficient(n1: number, n2: number, n12: number): number {
  const denominator = n1 + n2 - n12;
  return denominator > 0 ? n12 / denominator : 0;
}

/** Every pair of terms of two kinds that co-occur at least once, strongest first. */
export function cooccurrenceTable(analysis: OverlapAnalysis, kindA: string, kindB: string): CooccurrenceRow[] {
  const taxonomy = analysis.getTaxonomy();
  const rows: CooccurrenceRow[] = [];
  for (const a of termsOfKind(taxonomy, kindA, true)) {
    const n1 = analysis.unitCount(a.id);
    if (n1 === 0) continue;
    for (const [bId, n12] of analysis.neighbours(a.id)) {
      const b = taxonomy.terms.get(bId);
      if (!b || b.kind !== kindB || b.mergedInto) continue;
      if (kindA === kindB && b.id <= a.id) continue; // each pair once
      const n2 = analysis.unitCount(b.id);
      rows.push({ a: { id: a.id, label: a.label }, b: { id: b.id, label: b.label }, n1, n2, n12, c: cCoefficient(n1, n2, n12) });
    }
  }
  return rows.sort((x, y) => y.c - x.c || y.n12 - x.n12 || x.a.label.localeCompare(y.a.label) || x.b.label.localeCompare(y.b.label));
}

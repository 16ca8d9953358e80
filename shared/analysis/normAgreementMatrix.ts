import type { OverlapAnalysis } from './OverlapAnalysis.ts';
import { termsOfKind } from './termsOfKind.ts';

export interface Matrix {
  rows: { id: string; label: string }[];
  columns: { id: string; label: string }[];
  /** cells[r][c]: units where row term and column term both apply */
  cells: number[][];
  /** distinct units of the row term tied to any of the columns */
  rowTotals: number[];
  /** distinct units of the column term tied to any of the rows */
  columnTotals: number[];
  /** distinct units with at least one row term and one column term */
  total: number;
}

/**
 * A rows × columns co-occurrence matrix between two kinds (norms × agreements by default), over
 * the terms that have passages. Totals count distinct units, so a passage tied to two agreements
 * adds one to its norm's total, not two.
 */
export function termMatrix(analysis: OverlapAnalysis, rowKind = 'norm', columnKind = 'agreement'): Matrix {
  const taxonomy = analysis.getTaxonomy();
  const rows = termsOfKind(taxonomy, rowKind, true).filter((t) => analysis.unitCount(t.id) > 0);
  const columns = termsOfKind(taxonomy, columnKind, true).filter((t) => analysis.unitCount(t.id) > 0);
  const columnIds = new Set(columns.map((c) => c.id));
  const rowIds = new Set(rows.map((r) => r.id));
  const cells = rows.map((row) => columns.map((column) => analysis.cooccurrence(row.id, column.id)));
  const countUnits = (termId: string, others: Set<string>) =>
    analysis.unitTermsWith(termId).filter((terms) => [...terms].some((t) => others.has(t))).length;
  const allUnits = new Set<string>();
  for (const row of rows) {
    for (const key of analysis.unitsByTerm.get(row.id) ?? []) allUnits.add(key);
  }
  let total = 0;
  for (const key of allUnits) {
    for (const column of columns) {
      if (analysis.unitsByTerm.get(column.id)?.has(key)) {
        total += 1;
        break;
      }
    }
  }
  return {
    rows: rows.map(({ id, label }) => ({ id, label })),
    columns: columns.map(({ id, label }) => ({ id, label })),
    cells,
    rowTotals: rows.map((row) => countUnits(row.id, columnIds)),
    columnTotals: columns.map((column) => countUnits(column.id, rowIds)),
    total,
  };
}

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
  const cells = rows.map((row) => {
    const neighbours = analysis.neighbours(row.id);
    return columns.map((column) => neighbours.get(column.id) ?? 0);
  });
  return {
    rows: rows.map(({ id, label }) => ({ id, label })),
    columns: columns.map(({ id, label }) => ({ id, label })),
    cells,
    rowTotals: rows.map((row) => analysis.countUnitsWithAny(row.id, columnIds)),
    columnTotals: columns.map((column) => analysis.countUnitsWithAny(column.id, rowIds)),
    total: analysis.countUnitsWithBoth(rowIds, columnIds),
  };
}

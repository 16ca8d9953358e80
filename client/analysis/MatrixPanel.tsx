import { useId, useMemo, useState } from 'react';
import { termMatrix } from '../../shared/analysis/normAgreementMatrix.ts';
import type { AnalysisView } from './AnalysisView.ts';
import { PassageList } from './PassageList.tsx';

interface Cell {
  row: { id: string; label: string };
  column: { id: string; label: string };
}

function passages(count: number): string {
  return `${count} passage${count === 1 ? '' : 's'}`;
}

/** Norms × agreements: passage counts per pair with totals; a cell opens its passages. */
export function MatrixPanel({ view }: { view: AnalysisView }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever the analysis does
  const matrix = useMemo(() => termMatrix(view.analysis, 'norm', 'agreement'), [view.version, view.analysis]);
  const [cell, setCell] = useState<Cell | null>(null);
  const captionId = useId();
  const cellTitleId = useId();

  if (matrix.rows.length === 0 || matrix.columns.length === 0) {
    return <p className="analysis-empty">The matrix fills in once passages are tagged with both a norm and an agreement.</p>;
  }
  const isOpen = (rowId: string, columnId: string) => cell?.row.id === rowId && cell.column.id === columnId;

  return (
    <div className="matrix-panel">
      <p id={captionId} className="analysis-note">
        Passages where a norm and an agreement apply to the same or overlapping text. Overlapping passages count once. Choose a
        number to list its passages.
      </p>
      <div className="matrix-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="matrix">
          <caption className="visually-hidden">Norms (rows) by agreements (columns), in passages</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix__corner">
                Norm
              </th>
              {matrix.columns.map((column) => (
                <th key={column.id} scope="col" className="matrix__column">
                  <span className="matrix__column-label" title={column.label}>
                    {column.label}
                  </span>
                </th>
              ))}
              <th scope="col" className="matrix__column matrix__total">
                <span className="matrix__column-label">Total</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row, r) => (
              <tr key={row.id}>
                <th scope="row" className="matrix__row">
                  {row.label}
                </th>
                {matrix.columns.map((column, c) => {
                  const count = matrix.cells[r]![c]!;
                  return (
                    <td key={column.id} className={count > 0 ? 'matrix__cell' : 'matrix__cell matrix__cell--zero'}>
                      {count > 0 ? (
                        <button
                          type="button"
                          className="matrix__button"
                          aria-pressed={isOpen(row.id, column.id)}
                          aria-label={`${passages(count)}: ${row.label} and ${column.label}`}
                          onClick={() => setCell(isOpen(row.id, column.id) ? null : { row, column })}
                        >
                          {count}
                        </button>
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">0</span>
                        </>
                      )}
                    </td>
                  );
                })}
                <td className="matrix__total">{matrix.rowTotals[r]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="matrix__row matrix__total">
                Total
              </th>
              {matrix.columnTotals.map((total, c) => (
                <td key={matrix.columns[c]!.id} className="matrix__total">
                  {total}
                </td>
              ))}
              <td className="matrix__total matrix__grand-total">{matrix.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {cell && (
        <section className="matrix-cell" aria-labelledby={cellTitleId}>
          <div className="matrix-cell__header">
            <h3 id={cellTitleId} className="analysis-section__title">
              {cell.row.label} <span aria-hidden="true">×</span>
              <span className="visually-hidden">and</span> {cell.column.label}
            </h3>
            <button type="button" className="button button--quiet button--small" onClick={() => setCell(null)}>
              Close<span className="visually-hidden"> the passage list</span>
            </button>
          </div>
          <PassageList
            view={view}
            passages={view.analysis.passagesWithBoth(cell.row.id, cell.column.id)}
            label={`Passages tagged ${cell.row.label} and ${cell.column.label}`}
            showDocument
            empty="No passage has both any more."
          />
        </section>
      )}
    </div>
  );
}

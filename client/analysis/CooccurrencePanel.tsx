import { useId, useMemo } from 'react';
import { cooccurrenceTable } from '../../shared/analysis/cooccurrenceTable.ts';
import { usePersistentState } from '../hooks/usePersistentState.ts';
import type { AnalysisView } from './AnalysisView.ts';
import { KindSelect } from './KindSelect.tsx';

/** Co-occurrence of the terms of two kinds, with ATLAS.ti's c-coefficient. */
export function CooccurrencePanel({ view }: { view: AnalysisView }) {
  const kinds = useMemo(() => [...view.taxonomy.kinds.values()].sort((a, b) => a.order - b.order), [view.taxonomy]);
  const [storedA, setKindA] = usePersistentState<string>('normspace:cooccurrence-a', 'norm');
  const [storedB, setKindB] = usePersistentState<string>('normspace:cooccurrence-b', 'stakeholder');
  const known = (id: string, fallback: string) => (view.taxonomy.kinds.has(id) ? id : fallback);
  const kindA = known(storedA, 'norm');
  const kindB = known(storedB, 'stakeholder');
  const captionId = useId();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever the analysis does
  const rows = useMemo(() => cooccurrenceTable(view.analysis, kindA, kindB), [view.version, view.analysis, kindA, kindB]);
  const labelOf = (id: string) => view.taxonomy.kinds.get(id)?.label ?? id;

  return (
    <div className="cooccurrence">
      <div className="cooccurrence__kinds">
        <KindSelect label="First kind" kinds={kinds} value={kindA} onChange={setKindA} />
        <KindSelect label="Second kind" kinds={kinds} value={kindB} onChange={setKindB} />
      </div>
      <p id={captionId} className="analysis-note cooccurrence__explanation">
        <strong>n1</strong> and <strong>n2</strong> count the passages with each term, <strong>n12</strong> those where both apply
        to the same or overlapping text (overlapping passages count once). <strong>c</strong> = n12 / (n1 + n2 − n12): 0 when the two
        never meet, 1 when they always come together.
      </p>
      {rows.length === 0 ? (
        <p className="analysis-empty">
          No passage has both a {labelOf(kindA).toLowerCase()} and a {labelOf(kindB).toLowerCase()} yet.
        </p>
      ) : (
        <table className="data-table cooccurrence__table" aria-describedby={captionId}>
          <caption className="visually-hidden">
            Co-occurrence of {labelOf(kindA)} and {labelOf(kindB)} terms
          </caption>
          <thead>
            <tr>
              <th scope="col">Pair</th>
              <th scope="col" className="numeric">
                <abbr title={`passages with the ${labelOf(kindA).toLowerCase()}`}>n1</abbr>
              </th>
              <th scope="col" className="numeric">
                <abbr title={`passages with the ${labelOf(kindB).toLowerCase()}`}>n2</abbr>
              </th>
              <th scope="col" className="numeric">
                <abbr title="passages with both">n12</abbr>
              </th>
              <th scope="col" className="numeric">
                <abbr title="c-coefficient: n12 / (n1 + n2 − n12)">c</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.a.id}\u0000${row.b.id}`}>
                <th scope="row" className="cooccurrence__pair">
                  <span>{row.a.label}</span>
                  <span className="cooccurrence__with">
                    <span aria-hidden="true">× </span>
                    <span className="visually-hidden">and </span>
                    {row.b.label}
                  </span>
                </th>
                <td className="numeric">{row.n1}</td>
                <td className="numeric">{row.n2}</td>
                <td className="numeric">{row.n12}</td>
                <td className="numeric">{row.c.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

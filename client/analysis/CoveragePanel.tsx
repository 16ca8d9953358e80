import { useMemo } from 'react';
import { stakeholderCoverage } from '../../shared/analysis/stakeholderCoverage.ts';
import type { AnalysisView } from './AnalysisView.ts';

/** Passages and documents per stakeholder group; groups nobody has tagged yet show zero. */
export function CoveragePanel({ view }: { view: AnalysisView }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever the analysis does
  const rows = useMemo(() => stakeholderCoverage(view.analysis, 'stakeholder'), [view.version, view.analysis]);
  const most = Math.max(1, ...rows.map((row) => row.passages));
  if (rows.length === 0) return <p className="analysis-empty">The taxonomy has no stakeholder groups.</p>;
  return (
    <table className="data-table coverage">
      <caption className="analysis-note">
        How many tagged passages concern each stakeholder group, and in how many documents{view.workspaceScope ? '' : ' (this document only)'}.
      </caption>
      <thead>
        <tr>
          <th scope="col">Stakeholder group</th>
          <th scope="col" className="numeric">
            Passages
          </th>
          <th scope="col" className="numeric">
            Documents
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.passages === 0 ? 'is-zero' : undefined}>
            <th scope="row">
              {row.label}
              <span className="coverage__bar" style={{ width: `${(row.passages / most) * 100}%` }} aria-hidden="true" />
            </th>
            <td className="numeric">{row.passages}</td>
            <td className="numeric">{row.documents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useId, useMemo, useState } from 'react';
import { classifyNorms, type NormClass } from '../../shared/analysis/classifyNorms.ts';
import type { AnalysisView } from './AnalysisView.ts';
import { NormItem } from './NormItem.tsx';

const SECTIONS: { id: NormClass; title: string; explanation: string }[] = [
  { id: 'horizontal', title: 'Horizontal', explanation: 'Committed in two or more agreements.' },
  { id: 'initiative-specific', title: 'Initiative-specific', explanation: 'Found in exactly one agreement.' },
  { id: 'untied', title: 'Untied', explanation: 'Tagged, but not yet with any agreement.' },
];

/** Norms classed by how many agreements they are tagged with, live. */
export function NormsPanel({ view }: { view: AnalysisView }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever the analysis does
  const rows = useMemo(() => classifyNorms(view.analysis), [view.version, view.analysis]);
  const baseId = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  if (rows.length === 0) {
    return (
      <p className="analysis-empty">
        No norms tagged yet. Tag a passage with a norm (and the agreements that commit to it) to see which norms are shared.
      </p>
    );
  }
  return (
    <div className="analysis-sections">
      {SECTIONS.map((section) => {
        const list = rows.filter((row) => row.class === section.id);
        const headingId = `${baseId}-${section.id}`;
        return (
          <section key={section.id} className={`analysis-section norm-class norm-class--${section.id}`} aria-labelledby={headingId}>
            <h3 id={headingId} className="analysis-section__title">
              {section.title} <span className="count">({list.length})</span>
            </h3>
            <p className="analysis-note">{section.explanation}</p>
            {list.length === 0 ? (
              <p className="analysis-empty analysis-empty--inline">None.</p>
            ) : (
              <ul className="norm-list">
                {list.map((row) => (
                  <NormItem key={row.normId} view={view} row={row} expanded={expanded.has(row.normId)} onToggle={() => toggle(row.normId)} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

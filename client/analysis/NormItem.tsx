import { useId } from 'react';
import type { NormRow } from '../../shared/analysis/classifyNorms.ts';
import { TagChip } from '../taxonomy/TagChip.tsx';
import { termDisplay } from '../taxonomy/termDisplay.ts';
import type { AnalysisView } from './AnalysisView.ts';
import { PassageList } from './PassageList.tsx';

interface Props {
  view: AnalysisView;
  row: NormRow;
  expanded: boolean;
  onToggle: () => void;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A norm with its agreements and passage count; expands to its passages. */
export function NormItem({ view, row, expanded, onToggle }: Props) {
  const listId = useId();
  const norm = termDisplay(view.taxonomy, row.normId);
  return (
    <li className="norm" data-norm={row.normId}>
      <button type="button" className="norm__toggle" aria-expanded={expanded} aria-controls={listId} onClick={onToggle}>
        <span className="norm__chevron" aria-hidden="true" />
        <span className="norm__dot" style={{ backgroundColor: norm.color }} aria-hidden="true" />
        <span className="norm__label">{row.label}</span>
        <span className="norm__count">{plural(row.passages, 'passage')}</span>
      </button>
      {row.agreements.length > 0 && (
        <ul className="tag-list norm__agreements" aria-label={`Agreements of ${row.label}`}>
          {row.agreements.map((agreement) => (
            <li key={agreement.id}>
              <TagChip term={termDisplay(view.taxonomy, agreement.id)}>
                <span className="tag-chip__count" aria-label={`, ${plural(agreement.units, 'passage')}`}>
                  {agreement.units}
                </span>
              </TagChip>
            </li>
          ))}
        </ul>
      )}
      <div id={listId} hidden={!expanded} className="norm__passages">
        {expanded && <PassageList view={view} passages={view.analysis.passagesWith(row.normId)} label={`Passages tagged ${row.label}`} />}
      </div>
    </li>
  );
}

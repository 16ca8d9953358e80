import { useId } from 'react';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { TagChip } from '../taxonomy/TagChip.tsx';
import { TermSelectOptions } from '../taxonomy/TermSelectOptions.tsx';
import { termDisplay } from '../taxonomy/termDisplay.ts';

interface Props {
  label: string;
  /** AND, OR, NOT: shown beside the label. */
  operator: string;
  taxonomy: Taxonomy;
  termIds: readonly string[];
  onChange: (termIds: string[]) => void;
}

/** One line of the filter: chosen terms as removable chips and a select to add another. */
export function FilterTermRow({ label, operator, taxonomy, termIds, onChange }: Props) {
  const selectId = useId();
  const groupId = useId();
  return (
    <div className="filter-row" role="group" aria-labelledby={groupId}>
      <span id={groupId} className="filter-row__label">
        {label} <span className="filter-row__operator">{operator}</span>
      </span>
      {termIds.length > 0 && (
        <ul className="tag-list filter-row__terms">
          {termIds.map((id) => {
            const term = termDisplay(taxonomy, id);
            return (
              <li key={id}>
                <TagChip term={term}>
                  <button
                    type="button"
                    className="tag-chip__remove"
                    aria-label={`Remove ${term.label} from “${label}”`}
                    onClick={() => onChange(termIds.filter((other) => other !== id))}
                  >
                    ×
                  </button>
                </TagChip>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={selectId} className="visually-hidden">
        Add a term to “{label}”
      </label>
      <select
        id={selectId}
        className="filter-row__add"
        value=""
        onChange={(event) => {
          if (event.target.value) onChange([...termIds, event.target.value]);
        }}
      >
        <option value="">Add a term…</option>
        <TermSelectOptions taxonomy={taxonomy} exclude={new Set(termIds)} />
      </select>
    </div>
  );
}

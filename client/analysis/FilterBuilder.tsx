import { useId, useMemo, useState } from 'react';
import type { PassageFilter } from '../../shared/analysis/filterPassages.ts';
import { isOrphaned, type Passage } from '../../shared/analysis/Passage.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import type { AnalysisSnapshot } from './AnalysisStore.ts';
import { FilterTermRow } from './FilterTermRow.tsx';
import { isFilterActive } from './isFilterActive.ts';

interface Props {
  snapshot: AnalysisSnapshot;
  taxonomy: Taxonomy;
  onChange: (filter: PassageFilter) => void;
}

function countAnchored(passages: Passage[]): number {
  return passages.filter((passage) => !isOrphaned(passage)).length;
}

/** Narrows every view to passages with all / any / none of some terms, or by one author. */
export function FilterBuilder({ snapshot, taxonomy, onChange }: Props) {
  const { filter } = snapshot;
  const active = isFilterActive(filter);
  const [open, setOpen] = useState(active);
  const bodyId = useId();
  const authorId = useId();
  const authors = useMemo(
    () => [...new Set(snapshot.all.allPassages().map((passage) => passage.author.name))].sort((a, b) => a.localeCompare(b)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever the analysis does
    [snapshot.version, snapshot.all],
  );
  const shown = countAnchored(snapshot.analysis.allPassages());
  const total = countAnchored(snapshot.all.allPassages());
  const set = (patch: Partial<PassageFilter>) => onChange({ ...filter, ...patch });

  return (
    <section className={`filter${active ? ' filter--active' : ''}`} aria-label="Filter">
      <div className="filter__bar">
        <button type="button" className="filter__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="norm__chevron" aria-hidden="true" />
          Filter passages
        </button>
        <span className="filter__summary" role="status">
          {active ? `${shown} of ${total} shown` : ''}
        </span>
        {active && (
          <button type="button" className="button button--quiet button--small" onClick={() => onChange({})}>
            Clear
          </button>
        )}
      </div>
      <div id={bodyId} className="filter__body" hidden={!open}>
        {open && (
          <>
            <FilterTermRow label="All of" operator="AND" taxonomy={taxonomy} termIds={filter.all ?? []} onChange={(all) => set({ all })} />
            <FilterTermRow label="Any of" operator="OR" taxonomy={taxonomy} termIds={filter.any ?? []} onChange={(any) => set({ any })} />
            <FilterTermRow label="None of" operator="NOT" taxonomy={taxonomy} termIds={filter.none ?? []} onChange={(none) => set({ none })} />
            <div className="filter-row">
              <label htmlFor={authorId} className="filter-row__label">
                Tagged by
              </label>
              <select id={authorId} value={filter.author ?? ''} onChange={(event) => set({ author: event.target.value || undefined })}>
                <option value="">Anyone</option>
                {authors.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

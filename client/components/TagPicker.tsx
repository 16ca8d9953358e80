import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { searchTerms, type TermMatch } from '../../shared/taxonomy/searchTerms.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { shortcutLabel } from '../editor/shortcutLabel.ts';
import type { PopoverAnchor } from '../editor/annotations/popoverAnchor.ts';
import { KindSwatch } from './KindSwatch.tsx';

interface Props {
  taxonomy: Taxonomy;
  recent: readonly string[];
  /** Names the dialog and what it tags: `Tag “…”`, `Add tags to “…”`. */
  title: string;
  /** Terms the passage already has (adding to an existing passage): shown, not offered again. */
  existing?: readonly string[];
  anchor: PopoverAnchor;
  onApply: (termIds: string[]) => void;
  /** Escape or Cancel: back to the text. */
  onClose: () => void;
  /** Focus went elsewhere (a click outside): just close. */
  onDismiss: () => void;
}

/**
 * The keyboard-first tag picker: type to search, arrows to move, Enter to choose or unchoose a
 * term (several may be chosen), Enter on an empty search to apply, Escape to go back to the text.
 */
export function TagPicker({ taxonomy, recent, title, existing = [], anchor, onApply, onClose, onDismiss }: Props) {
  const baseId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  /** The option moved to with the arrows or the pointer since the search last changed. */
  const [moved, setMoved] = useState<number | null>(null);

  const groups = useMemo(() => searchTerms(taxonomy, query, { recent, limitPerKind: 60 }), [taxonomy, query, recent]);
  const options = useMemo(() => groups.flatMap((group) => group.matches), [groups]);
  const optionId = (index: number) => `${baseId}-option-${index}`;

  useEffect(() => input.current?.focus(), []);

  // With a search, the best match is ready for Enter; without one, Enter applies.
  const best = useMemo(() => {
    if (query.trim() === '') return -1;
    let top = -1;
    options.forEach((match, index) => {
      if (top < 0 || match.score > options[top]!.score) top = index;
    });
    return top;
  }, [query, options]);
  const active = moved !== null && moved < options.length ? moved : best;

  useLayoutEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const search = (value: string) => {
    setQuery(value);
    setMoved(null);
  };
  const isExisting = (match: TermMatch) => existing.includes(match.term.id);
  const toggle = (match: TermMatch) => {
    if (isExisting(match)) return;
    const id = match.term.id;
    setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  };
  const apply = () => {
    if (chosen.length > 0) onApply(chosen);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setMoved(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const match = options[active];
      if (event.ctrlKey || event.metaKey || !match) return apply();
      toggle(match);
      if (query !== '') search('');
    } else if (event.key === 'Backspace' && query === '' && chosen.length > 0) {
      event.preventDefault();
      setChosen((current) => current.slice(0, -1));
    }
  };

  const label = (id: string) => taxonomy.terms.get(id)?.label ?? id;
  const colorOf = (id: string) => {
    const term = taxonomy.terms.get(id);
    return (term && taxonomy.kinds.get(term.kind)?.color) ?? '#4b5563';
  };
  const style: CSSProperties = { left: anchor.left, top: anchor.top, maxHeight: anchor.maxHeight };
  let index = -1;

  return (
    <div
      role="dialog"
      aria-labelledby={`${baseId}-title`}
      className={`tag-picker${anchor.above ? ' tag-picker--above' : ''}`}
      style={style}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onDismiss();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <p id={`${baseId}-title`} className="tag-picker__title">
        {title}
      </p>
      <div className="tag-picker__field">
        <label htmlFor={`${baseId}-input`} className="visually-hidden">
          Search tags
        </label>
        <input
          id={`${baseId}-input`}
          ref={input}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${baseId}-list`}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${baseId}-help`}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search norms, agreements, groups, incidents…"
          value={query}
          onChange={(event) => search(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {chosen.length > 0 && (
        <ul className="tag-picker__chosen" aria-label="Chosen tags">
          {chosen.map((id) => (
            <li key={id} className="term-chip">
              <KindSwatch color={colorOf(id)} />
              {label(id)}
              <button
                type="button"
                className="term-chip__remove"
                aria-label={`Unchoose ${label(id)}`}
                onClick={() => setChosen((current) => current.filter((other) => other !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div ref={list} id={`${baseId}-list`} role="listbox" aria-label="Tags" aria-multiselectable="true" className="tag-picker__list">
        {options.length === 0 && (
          <p className="tag-picker__empty" role="presentation">
            {taxonomy.terms.size === 0 ? 'Loading the taxonomy…' : 'No tag matches this search.'}
          </p>
        )}
        {groups.map((group) => (
          <div key={group.id} role="group" aria-labelledby={`${baseId}-group-${group.id}`} className="tag-picker__group">
            <div id={`${baseId}-group-${group.id}`} role="presentation" className="tag-picker__group-label">
              {group.kind && <KindSwatch color={group.kind.color} />}
              {group.label}
            </div>
            {group.matches.map((match) => {
              index += 1;
              const current = index;
              const selected = chosen.includes(match.term.id) || isExisting(match);
              const kind = taxonomy.kinds.get(match.term.kind);
              return (
                <div
                  key={match.term.id}
                  id={optionId(current)}
                  role="option"
                  aria-selected={selected}
                  aria-disabled={isExisting(match) || undefined}
                  className={`tag-picker__option${current === active ? ' tag-picker__option--active' : ''}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => current !== active && setMoved(current)}
                  onClick={() => toggle(match)}
                >
                  <span className="tag-picker__check" aria-hidden="true">
                    {selected ? '✓' : ''}
                  </span>
                  <KindSwatch color={kind?.color ?? '#4b5563'} />
                  <span className="tag-picker__label">{match.term.label}</span>
                  {group.id === 'recent' && kind && <span className="tag-picker__kind">{kind.label}</span>}
                  {isExisting(match) && <span className="tag-picker__kind">already on it</span>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="tag-picker__footer">
        <p id={`${baseId}-help`} className="tag-picker__help">
          ↑ ↓ move · Enter chooses · Enter on an empty search applies ({shortcutLabel('Mod-Enter')} any time) · Esc cancels
        </p>
        <div className="tag-picker__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={chosen.length === 0} onClick={apply}>
            {chosen.length > 1 ? `Apply ${chosen.length} tags` : 'Apply tag'}
          </button>
        </div>
      </div>
    </div>
  );
}

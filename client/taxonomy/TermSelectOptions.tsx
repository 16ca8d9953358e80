import { termsOfKind } from '../../shared/analysis/termsOfKind.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';

interface Props {
  taxonomy: Taxonomy;
  /** Terms not to offer. */
  exclude?: ReadonlySet<string>;
  /** Only these kinds (default: all, in the taxonomy's order). */
  kinds?: readonly string[];
}

/** `<optgroup>`s of a select: the surviving terms of each kind, retired ones marked. */
export function TermSelectOptions({ taxonomy, exclude, kinds }: Props) {
  const kindList = [...taxonomy.kinds.values()].filter((kind) => !kinds || kinds.includes(kind.id)).sort((a, b) => a.order - b.order);
  return (
    <>
      {kindList.map((kind) => {
        const terms = termsOfKind(taxonomy, kind.id, true).filter((term) => !exclude?.has(term.id));
        if (terms.length === 0) return null;
        return (
          <optgroup key={kind.id} label={kind.label}>
            {terms.map((term) => (
              <option key={term.id} value={term.id}>
                {term.label}
                {term.retired ? ' (retired)' : ''}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

import type { Taxonomy, Term } from '../taxonomy/taxonomyTypes.ts';

const cache = new WeakMap<Taxonomy, Map<string, Term[]>>();

/** Surviving (not merged) terms of a kind, sorted by label; retired ones only if `includeRetired`. */
export function termsOfKind(taxonomy: Taxonomy, kind: string, includeRetired = false): Term[] {
  let byKind = cache.get(taxonomy);
  if (!byKind) cache.set(taxonomy, (byKind = new Map()));
  const key = `${kind}\u0000${includeRetired}`;
  let terms = byKind.get(key);
  if (!terms) {
    terms = [...taxonomy.terms.values()]
      .filter((term) => term.kind === kind && !term.mergedInto && (includeRetired || !term.retired))
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
    byKind.set(key, terms);
  }
  return terms;
}

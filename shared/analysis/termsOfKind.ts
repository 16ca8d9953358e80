import type { Taxonomy, Term } from '../taxonomy/taxonomyTypes.ts';

/** Surviving (not merged) terms of a kind, sorted by label; retired ones only if `includeRetired`. */
export function termsOfKind(taxonomy: Taxonomy, kind: string, includeRetired = false): Term[] {
  return [...taxonomy.terms.values()]
    .filter((term) => term.kind === kind && !term.mergedInto && (includeRetired || !term.retired))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

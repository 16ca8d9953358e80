import { ancestorIds, resolveTermId } from '../taxonomy/resolveTerm.ts';
import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';

/**
 * The terms a passage counts for: its tags after merges, plus their ancestors (a principle of the
 * Paris Call counts for the Paris Call; a norm under a theme counts for the theme).
 */
export function effectiveTerms(taxonomy: Taxonomy, termIds: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const raw of termIds) {
    const id = resolveTermId(taxonomy, raw);
    result.add(id);
    for (const ancestor of ancestorIds(taxonomy, id)) result.add(ancestor);
  }
  return result;
}

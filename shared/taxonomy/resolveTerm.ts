import type { Taxonomy, Term } from './taxonomyTypes.ts';

/** Follows `mergedInto` to the surviving term id (cycle-safe); unknown ids resolve to themselves. */
export function resolveTermId(taxonomy: Taxonomy, id: string): string {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    const next = taxonomy.terms.get(current)?.mergedInto;
    if (!next || seen.has(next)) return current;
    seen.add(current);
    current = next;
  }
}

export function resolveTerm(taxonomy: Taxonomy, id: string): Term | undefined {
  return taxonomy.terms.get(resolveTermId(taxonomy, id));
}

/** The term's ancestors through `parentId`, nearest first (cycle-safe). */
export function ancestorIds(taxonomy: Taxonomy, id: string): string[] {
  const ancestors: string[] = [];
  const seen = new Set([id]);
  let parent = taxonomy.terms.get(id)?.parentId;
  while (parent && !seen.has(parent)) {
    const resolved = resolveTermId(taxonomy, parent);
    if (seen.has(resolved)) break;
    ancestors.push(resolved);
    seen.add(resolved);
    parent = taxonomy.terms.get(resolved)?.parentId;
  }
  return ancestors;
}

/** True when making `parentId` the parent of `id` would create a cycle. */
export function wouldCreateCycle(taxonomy: Taxonomy, id: string, parentId: string): boolean {
  return parentId === id || ancestorIds(taxonomy, parentId).includes(id);
}

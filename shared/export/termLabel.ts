import { resolveTerm } from '../taxonomy/resolveTerm.ts';
import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';

/** A tag as readers see it: the surviving term's label (merges followed), or the raw id if unknown. */
export function termLabel(taxonomy: Taxonomy, termId: string): string {
  return resolveTerm(taxonomy, termId)?.label ?? termId;
}

/** "Label (Kind)" for notes and annexes. */
export function termLabelWithKind(taxonomy: Taxonomy, termId: string): string {
  const term = resolveTerm(taxonomy, termId);
  if (!term) return termId;
  const kind = taxonomy.kinds.get(term.kind)?.label ?? term.kind;
  return `${term.label} (${kind})`;
}

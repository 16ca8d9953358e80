import type { AnnotationRecord } from '../../../shared/annotations/annotationDoc.ts';
import { resolveTerm } from '../../../shared/taxonomy/resolveTerm.ts';
import type { Taxonomy, TermKindDef } from '../../../shared/taxonomy/taxonomyTypes.ts';

/** Highlight colour of a passage whose tags are all unknown (or that has none left). */
export const UNTAGGED_COLOR = '#6b7280';

/** The kind a passage is coloured by: of its tags' kinds, the first in the taxonomy's order. */
export function mainKindOf(record: AnnotationRecord, taxonomy: Taxonomy): TermKindDef | undefined {
  let main: TermKindDef | undefined;
  for (const tag of record.tags) {
    const term = resolveTerm(taxonomy, tag.termId);
    const kind = term ? taxonomy.kinds.get(term.kind) : undefined;
    if (kind && (!main || kind.order < main.order)) main = kind;
  }
  return main;
}

/** The highlight colour of every annotation that has a record. */
export function annotationColors(records: ReadonlyMap<string, AnnotationRecord>, taxonomy: Taxonomy): Map<string, string> {
  const colors = new Map<string, string>();
  for (const record of records.values()) colors.set(record.id, mainKindOf(record, taxonomy)?.color ?? UNTAGGED_COLOR);
  return colors;
}

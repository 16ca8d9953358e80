import { resolveTerm } from '../../shared/taxonomy/resolveTerm.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';

const UNKNOWN_COLOR = '#4b5563';

export interface TermDisplay {
  id: string;
  label: string;
  kindLabel: string;
  color: string;
  retired: boolean;
}

/** How to show a tag: its surviving term's label and its kind's colour (unknown ids shown as they are). */
export function termDisplay(taxonomy: Taxonomy, termId: string): TermDisplay {
  const term = resolveTerm(taxonomy, termId);
  if (!term) return { id: termId, label: termId, kindLabel: 'Unknown term', color: UNKNOWN_COLOR, retired: false };
  const kind = taxonomy.kinds.get(term.kind);
  return { id: term.id, label: term.label, kindLabel: kind?.label ?? term.kind, color: kind?.color ?? UNKNOWN_COLOR, retired: term.retired };
}

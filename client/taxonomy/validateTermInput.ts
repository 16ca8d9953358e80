import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { httpUrl } from '../../shared/taxonomy/taxonomyValues.ts';

export interface TermDraft {
  id: string;
  kind: string;
  label: string;
  description: string;
  parentId: string;
  sourceUrl: string;
}

export type TermErrors = Partial<Record<keyof TermDraft, string>>;

/** Same rule as taxonomy files: 1–64 characters of a–z, 0–9 and "-", starting with a letter or digit. */
export const TERM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;


/** What is wrong with a term before it is written (empty when nothing is). */
export function validateTermInput(draft: TermDraft, taxonomy: Taxonomy, isNew: boolean): TermErrors {
  const errors: TermErrors = {};
  if (draft.label.trim() === '') errors.label = 'Give the term a label.';
  else if (draft.label.trim().length > 200) errors.label = 'Keep the label under 200 characters.';
  if (isNew) {
    if (!TERM_ID_PATTERN.test(draft.id)) errors.id = 'Use 1–64 characters: lower-case letters, digits and "-", not starting with "-".';
    else if (taxonomy.terms.has(draft.id)) errors.id = `The id “${draft.id}” is already used by “${taxonomy.terms.get(draft.id)!.label}”.`;
  }
  if (!taxonomy.kinds.has(draft.kind)) errors.kind = 'Choose a kind.';
  if (draft.description.length > 2000) errors.description = 'Keep the description under 2,000 characters.';
  if (draft.sourceUrl.trim() !== '' && httpUrl(draft.sourceUrl) === undefined) errors.sourceUrl = 'Enter a web address starting with http:// or https://.';
  if (draft.parentId !== '' && !taxonomy.terms.has(draft.parentId)) errors.parentId = 'That parent no longer exists.';
  return errors;
}

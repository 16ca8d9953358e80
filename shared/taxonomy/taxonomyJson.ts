import { z } from 'zod';
import type * as Y from 'yjs';
import { wouldCreateCycle } from './resolveTerm.ts';
import { readTaxonomy, setKind, upsertTerm } from './taxonomyDoc.ts';
import type { Taxonomy, Term } from './taxonomyTypes.ts';
import { HEX_COLOR, httpUrl } from './taxonomyValues.ts';

export const TAXONOMY_FORMAT = 'normspace-taxonomy';
export const TAXONOMY_VERSION = 1;

const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids are 1–64 characters of a–z, 0–9 and "-"');

const TermSchema = z.strictObject({
  id: IdSchema,
  kind: IdSchema,
  label: z.string().trim().min(1, 'label must not be empty').max(200),
  description: z.string().max(2000).default(''),
  parentId: IdSchema.optional(),
  sourceUrl: z
    .string()
    .refine((value) => httpUrl(value) !== undefined, 'sourceUrl must be an http(s) URL')
    .transform((value) => httpUrl(value)!)
    .optional(),
  retired: z.boolean().default(false),
  mergedInto: IdSchema.optional(),
});

const FileSchema = z.strictObject({
  format: z.literal(TAXONOMY_FORMAT),
  version: z.literal(TAXONOMY_VERSION),
  kinds: z.array(
    z.strictObject({
      id: IdSchema,
      label: z.string().trim().min(1).max(100),
      color: z.string().regex(HEX_COLOR, 'colors are #rrggbb'),
      order: z.number().int().default(99),
    }),
  ),
  terms: z.array(TermSchema),
});

export type TaxonomyFile = z.infer<typeof FileSchema>;

export function exportTaxonomy(taxonomy: Taxonomy): TaxonomyFile {
  return {
    format: TAXONOMY_FORMAT,
    version: TAXONOMY_VERSION,
    kinds: [...taxonomy.kinds.values()].sort((a, b) => a.order - b.order),
    terms: [...taxonomy.terms.values()].map((term) => ({ ...term, description: term.description })),
  };
}

export type ImportResult = { ok: true; file: TaxonomyFile } | { ok: false; errors: string[] };

/**
 * Checks a taxonomy file completely before anything is written: shape, duplicate ids, unknown
 * kinds, parents and merge targets that exist (in the file or the workspace), no cycles.
 */
export function validateTaxonomyFile(input: unknown, current: Taxonomy): ImportResult {
  const parsed = FileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'file'}: ${issue.message}`),
    };
  }
  const file = parsed.data;
  const errors: string[] = [];
  const kinds = new Set([...current.kinds.keys(), ...file.kinds.map((k) => k.id)]);
  const seen = new Set<string>();
  file.terms.forEach((term, index) => {
    if (seen.has(term.id)) errors.push(`terms.${index}: duplicate id "${term.id}"`);
    seen.add(term.id);
    if (!kinds.has(term.kind)) errors.push(`terms.${index}: unknown kind "${term.kind}"`);
  });
  const merged: Taxonomy = { kinds: current.kinds, terms: new Map(current.terms) };
  for (const term of file.terms) merged.terms.set(term.id, term as Term);
  file.terms.forEach((term, index) => {
    if (term.parentId && !merged.terms.has(term.parentId)) errors.push(`terms.${index}: parent "${term.parentId}" does not exist`);
    else if (term.parentId && wouldCreateCycle(merged, term.id, term.parentId)) {
      errors.push(`terms.${index}: placing "${term.id}" under "${term.parentId}" makes a cycle`);
    }
    if (term.mergedInto && !merged.terms.has(term.mergedInto)) errors.push(`terms.${index}: merge target "${term.mergedInto}" does not exist`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file };
}

/** Validates, then applies a taxonomy file in one transaction (adds and updates; removes nothing). */
export function importTaxonomy(doc: Y.Doc, input: unknown): ImportResult {
  const result = validateTaxonomyFile(input, readTaxonomy(doc));
  if (!result.ok) return result;
  doc.transact(() => {
    for (const kind of result.file.kinds) setKind(doc, kind);
    for (const term of result.file.terms) upsertTerm(doc, term);
  });
  return result;
}

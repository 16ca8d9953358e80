import * as Y from 'yjs';
import { resolveTermId, wouldCreateCycle } from './resolveTerm.ts';
import type { Taxonomy, Term, TermKindDef } from './taxonomyTypes.ts';
import { DEFAULT_KIND_COLOR, hexColor, httpUrl } from './taxonomyValues.ts';

/**
 * The workspace taxonomy lives in its own Yjs document (`<workspace>/_taxonomy`), so it syncs,
 * persists and works offline like the text, and so the server can allow or refuse its writers
 * separately from the documents' writers. One nested Y.Map per term and per kind: concurrent edits
 * of different fields both survive.
 */
const KINDS = 'kinds';
const TERMS = 'terms';
/** The top-level maps of a taxonomy document (observe these to follow every change). */
export const TAXONOMY_MAPS = [KINDS, TERMS] as const;

type Entry = Y.Map<unknown>;

function str(entry: Entry, key: string): string | undefined {
  const value = entry.get(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The taxonomy as the app and exports use it. Whatever the document holds, a kind's colour is `#rrggbb`
 * (anything else reads as the default) and a term's source is an http(s) address or absent.
 */
export function readTaxonomy(doc: Y.Doc): Taxonomy {
  const kinds = new Map<string, TermKindDef>();
  doc.getMap<Entry>(KINDS).forEach((entry, id) => {
    kinds.set(id, {
      id,
      label: str(entry, 'label') ?? id,
      color: hexColor(entry.get('color')) ?? DEFAULT_KIND_COLOR,
      order: typeof entry.get('order') === 'number' ? (entry.get('order') as number) : 99,
    });
  });
  const terms = new Map<string, Term>();
  doc.getMap<Entry>(TERMS).forEach((entry, id) => terms.set(id, readTerm(id, entry)));
  return { kinds, terms };
}

function readTerm(id: string, entry: Entry): Term {
  const term: Term = {
    id,
    kind: str(entry, 'kind') ?? 'norm',
    label: str(entry, 'label') ?? id,
    description: str(entry, 'description') ?? '',
    retired: entry.get('retired') === true,
  };
  const parentId = str(entry, 'parentId');
  const sourceUrl = httpUrl(entry.get('sourceUrl'));
  const mergedInto = str(entry, 'mergedInto');
  if (parentId) term.parentId = parentId;
  if (sourceUrl) term.sourceUrl = sourceUrl;
  if (mergedInto) term.mergedInto = mergedInto;
  return term;
}

function writeFields(entry: Entry, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (entry.get(key) !== value) entry.set(key, value);
  }
}

export function isTaxonomyEmpty(doc: Y.Doc): boolean {
  return doc.getMap(TERMS).size === 0 && doc.getMap(KINDS).size === 0;
}

/** Adds or updates a kind; a colour that is not `#rrggbb` is written as the default. */
export function setKind(doc: Y.Doc, kind: TermKindDef): void {
  doc.transact(() => {
    const kinds = doc.getMap<Entry>(KINDS);
    let entry = kinds.get(kind.id);
    if (!entry) {
      entry = new Y.Map();
      kinds.set(kind.id, entry);
    }
    writeFields(entry, { label: kind.label, color: hexColor(kind.color) ?? DEFAULT_KIND_COLOR, order: kind.order });
  });
}

export type TermInput = Omit<Term, 'retired' | 'mergedInto'> & { retired?: boolean; mergedInto?: string };

/** Adds a term, or updates the given fields of an existing one; a source that is not http(s) is left out. */
export function upsertTerm(doc: Y.Doc, term: TermInput): void {
  doc.transact(() => {
    const terms = doc.getMap<Entry>(TERMS);
    let entry = terms.get(term.id);
    if (!entry) {
      entry = new Y.Map();
      terms.set(term.id, entry);
    }
    writeFields(entry, {
      kind: term.kind,
      label: term.label,
      description: term.description,
      parentId: term.parentId ?? '',
      sourceUrl: httpUrl(term.sourceUrl) ?? '',
      retired: term.retired ?? entry.get('retired') === true,
      mergedInto: term.mergedInto,
    });
  });
}

export type TaxonomyChangeResult = { ok: true } | { ok: false; error: string };

export function setParent(doc: Y.Doc, id: string, parentId: string | undefined): TaxonomyChangeResult {
  const taxonomy = readTaxonomy(doc);
  const entry = doc.getMap<Entry>(TERMS).get(id);
  if (!entry) return { ok: false, error: `no term "${id}"` };
  if (parentId !== undefined) {
    if (!taxonomy.terms.has(parentId)) return { ok: false, error: `no term "${parentId}"` };
    if (wouldCreateCycle(taxonomy, id, parentId)) return { ok: false, error: 'a term cannot be placed under itself or its descendants' };
  }
  entry.set('parentId', parentId ?? '');
  return { ok: true };
}

export function setRetired(doc: Y.Doc, id: string, retired: boolean): TaxonomyChangeResult {
  const entry = doc.getMap<Entry>(TERMS).get(id);
  if (!entry) return { ok: false, error: `no term "${id}"` };
  entry.set('retired', retired);
  return { ok: true };
}

/**
 * Merges `fromId` into `intoId`: the merged term is retired and points at the survivor, so every
 * passage tagged with either counts for the survivor everywhere, without rewriting any document.
 * Its children move under the survivor.
 */
export function mergeTerms(doc: Y.Doc, fromId: string, intoId: string): TaxonomyChangeResult {
  const taxonomy = readTaxonomy(doc);
  const from = taxonomy.terms.get(fromId);
  const into = taxonomy.terms.get(intoId);
  if (!from) return { ok: false, error: `no term "${fromId}"` };
  if (!into) return { ok: false, error: `no term "${intoId}"` };
  if (resolveTermId(taxonomy, intoId) === fromId || fromId === intoId) {
    return { ok: false, error: 'a term cannot be merged into itself' };
  }
  if (from.kind !== into.kind) return { ok: false, error: `cannot merge a ${from.kind} into a ${into.kind}` };
  doc.transact(() => {
    const terms = doc.getMap<Entry>(TERMS);
    const entry = terms.get(fromId)!;
    entry.set('mergedInto', intoId);
    entry.set('retired', true);
    for (const term of taxonomy.terms.values()) {
      if (term.parentId === fromId && term.id !== intoId) terms.get(term.id)?.set('parentId', intoId);
    }
    if (into.parentId === fromId) terms.get(intoId)?.set('parentId', from.parentId ?? '');
  });
  return { ok: true };
}

import * as Y from 'yjs';

/**
 * Annotation records live in the text document's Yjs state, in the map `annotations`, next to
 * the text they tag: they sync, persist, undo and go offline with it. The passage itself is
 * anchored by an `annotation` mark carrying the record's id (see ARCHITECTURE.md, "Anchoring").
 */
export const ANNOTATIONS_FIELD = 'annotations';

/** Who made a passage or a tag: the member's id and name (the server checks both against the writer) and colour. */
export interface Person {
  /** The member id; empty in records made before ids were kept. */
  id: string;
  name: string;
  color: string;
}

export interface TagRecord {
  termId: string;
  by: Person;
  at: number;
}

export interface AnnotationRecord {
  id: string;
  createdBy: Person;
  createdAt: number;
  /** The passage's text as last seen; shown for orphaned annotations. */
  quote: string;
  tags: TagRecord[];
}

type Entry = Y.Map<unknown>;

export function annotationsMap(doc: Y.Doc): Y.Map<Entry> {
  return doc.getMap<Entry>(ANNOTATIONS_FIELD);
}

function readPerson(value: unknown): Person {
  const person = value as Partial<Person> | undefined;
  return {
    id: typeof person?.id === 'string' ? person.id : '',
    name: typeof person?.name === 'string' ? person.name : 'Someone',
    color: typeof person?.color === 'string' ? person.color : '#4b5563',
  };
}

export function readAnnotation(id: string, entry: Entry): AnnotationRecord {
  const tags: TagRecord[] = [];
  const tagMap = entry.get('tags');
  if (tagMap instanceof Y.Map) {
    tagMap.forEach((value, termId) => {
      const tag = value as { by?: unknown; at?: unknown };
      tags.push({ termId, by: readPerson(tag.by), at: typeof tag.at === 'number' ? tag.at : 0 });
    });
  }
  tags.sort((a, b) => a.at - b.at || a.termId.localeCompare(b.termId));
  const createdAt = entry.get('createdAt');
  const quote = entry.get('quote');
  return {
    id,
    createdBy: readPerson(entry.get('createdBy')),
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    quote: typeof quote === 'string' ? quote : '',
    tags,
  };
}

export function readAnnotations(doc: Y.Doc): Map<string, AnnotationRecord> {
  const records = new Map<string, AnnotationRecord>();
  annotationsMap(doc).forEach((entry, id) => {
    if (entry instanceof Y.Map) records.set(id, readAnnotation(id, entry));
  });
  return records;
}

const ANNOTATION_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newAnnotationId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let id = 'a';
  for (const byte of bytes) id += ANNOTATION_ID_ALPHABET[byte % ANNOTATION_ID_ALPHABET.length];
  return id;
}

/** Creates the record of a new annotation (the caller puts the mark on the text in the same transaction). */
export function createAnnotation(
  doc: Y.Doc,
  input: { id: string; by: Person; quote: string; termIds: string[]; at?: number },
): void {
  const at = input.at ?? Date.now();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    annotationsMap(doc).set(input.id, entry);
    entry.set('createdBy', { ...input.by });
    entry.set('createdAt', at);
    entry.set('quote', input.quote);
    const tags = new Y.Map<unknown>();
    entry.set('tags', tags);
    for (const termId of input.termIds) tags.set(termId, { by: { ...input.by }, at });
  });
}

function tagsOf(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const tags = annotationsMap(doc).get(id)?.get('tags');
  return tags instanceof Y.Map ? tags : undefined;
}

export function addTag(doc: Y.Doc, id: string, termId: string, by: Person, at = Date.now()): boolean {
  const tags = tagsOf(doc, id);
  if (!tags) return false;
  if (!tags.has(termId)) tags.set(termId, { by: { ...by }, at });
  return true;
}

export function removeTag(doc: Y.Doc, id: string, termId: string): boolean {
  const tags = tagsOf(doc, id);
  if (!tags?.has(termId)) return false;
  tags.delete(termId);
  return true;
}

export function setQuote(doc: Y.Doc, id: string, quote: string): void {
  const entry = annotationsMap(doc).get(id);
  if (entry && entry.get('quote') !== quote) entry.set('quote', quote);
}

/** Deletes the record; the caller removes the marks in the same transaction. */
export function deleteAnnotation(doc: Y.Doc, id: string): void {
  annotationsMap(doc).delete(id);
}

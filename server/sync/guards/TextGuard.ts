import * as Y from 'yjs';
import { ANNOTATIONS_FIELD, annotationsMap } from '../../../shared/annotations/annotationDoc.ts';
import { BatchView, mapValue } from './BatchView.ts';
import { checkStructure, type PlacedItem } from './checkStructure.ts';
import { ACCEPTED, refused, type GuardVerdict } from './GuardVerdict.ts';
import type { BatchCheck, GuardLimits, RoomGuard } from './RoomGuard.ts';
import { namesWriter, type Writer } from './Writer.ts';

const ENTRY_FIELDS = new Set(['createdBy', 'createdAt', 'quote', 'tags']);

/**
 * The rules of a text document (editors write it): the text (and any other type a stock client
 * adds) is free within the nesting limit; in
 * the annotation records, a new passage and each new tag must name the writer (`createdBy`, a
 * tag's `by`), existing records may only have their quote refreshed, and nothing else is written
 * there. One exception keeps undo working: a value that this room has held at the same place
 * before may come back as it was (undoing the removal of someone else's tag restores their tag,
 * credited to them), which is not a forgery since it was stored under the original writer.
 */
export class TextGuard implements RoomGuard {
  /** Every attribution value seen at each place of the records since the room was loaded. */
  private seen: Map<string, Set<string>> | undefined;

  constructor(private readonly limits: GuardLimits) {}

  beginBatch(doc: Y.Doc): BatchCheck {
    const view = new BatchView(doc);
    const seen = (this.seen ??= seenValues(doc));
    return {
      check: (_update, decoded, writer) => {
        const indexed = view.index(decoded);
        if (writer) {
          const structure = checkStructure(view, indexed, this.limits);
          if (!structure.ok) return structure;
          const records = structure.items.filter(({ path }) => path.root === ANNOTATIONS_FIELD);
          const verdict = checkRecords(records, writer, (item) => view.isIn(item, indexed), seen);
          if (!verdict.ok) return verdict;
        }
        for (const item of view.newItems(indexed)) {
          const path = view.pathOf(item, indexed, 3);
          if (path !== null && path !== 'too-deep' && path.root === ANNOTATIONS_FIELD && isAttribution(path.keys)) remember(seen, placeOf(path.keys), mapValue(item));
        }
        view.accept(indexed);
        return ACCEPTED;
      },
    };
  }

  /** What was seen stays: it is what lets an undo restore a record after the room slept. */
  reset(): void {}
}

/** Whether these keys (below `annotations`) hold an attribution: a passage's `createdBy` or a tag. */
function isAttribution(keys: (string | null)[]): boolean {
  return (keys.length === 2 && keys[1] === 'createdBy') || (keys.length === 3 && keys[1] === 'tags');
}

/** The place of an attribution value: `<annotation>\0createdBy` or `<annotation>\0tags\0<term>`. */
function placeOf(keys: (string | null)[]): string {
  return keys.map((key) => key ?? '').join('\0');
}

function remember(seen: Map<string, Set<string>>, place: string, value: unknown): void {
  if (value === undefined) return;
  const json = JSON.stringify(value);
  const values = seen.get(place);
  if (values) values.add(json);
  else seen.set(place, new Set([json]));
}

function seenValues(doc: Y.Doc): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  annotationsMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    remember(seen, placeOf([id, 'createdBy']), entry.get('createdBy'));
    const tags = entry.get('tags');
    if (tags instanceof Y.Map) tags.forEach((value, term) => remember(seen, placeOf([id, 'tags', term]), value));
  });
  return seen;
}

function checkRecords(records: PlacedItem[], writer: Writer, isNew: (item: Y.Item) => boolean, seen: Map<string, Set<string>>): GuardVerdict {
  const attributedAs = (keys: (string | null)[], value: unknown, person: unknown) =>
    namesWriter(person, writer) || (seen.get(placeOf(keys))?.has(JSON.stringify(value)) ?? false);
  const newEntries = new Set<Y.Item>();
  const credited = new Set<Y.Item>();
  for (const { item, path } of records) {
    if (item.deleted || item.content instanceof Y.ContentDeleted) continue;
    const { keys, items } = path;
    const value = mapValue(item);
    if (keys.length === 1) {
      if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) return refused('an annotation record must be a map');
      newEntries.add(item);
    } else if (keys.length === 2) {
      const field = keys[1]!;
      if (!isNew(items[0]!)) {
        if (field !== 'quote' || typeof value !== 'string') return refused(`an existing annotation's ${field} may not change`);
      } else if (!ENTRY_FIELDS.has(field)) {
        return refused(`annotations have no field "${field.slice(0, 40)}"`);
      } else if (field === 'createdBy') {
        if (!attributedAs(keys, value, value)) return refused('a new annotation must be credited to its writer');
        credited.add(items[0]!);
      }
    } else if (keys.length === 3 && keys[1] === 'tags') {
      const tag = value as { by?: unknown; at?: unknown } | undefined;
      if (typeof tag?.at !== 'number' || !attributedAs(keys, value, tag.by)) return refused('a new tag must be credited to its writer');
    } else {
      return refused('writes where annotation records have nothing');
    }
  }
  for (const entry of newEntries) if (!credited.has(entry)) return refused('a new annotation must say who made it');
  return ACCEPTED;
}

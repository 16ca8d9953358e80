import * as Y from 'yjs';
import { can } from '../../../shared/access/permissions.ts';
import { COMMENT_MAX_LENGTH } from '../../../shared/comments/threadsDoc.ts';
import { HEX_COLOR } from '../../../shared/taxonomy/taxonomyValues.ts';
import { BatchView } from './BatchView.ts';
import { checkStructure } from './checkStructure.ts';
import { ACCEPTED, refused, type GuardVerdict } from './GuardVerdict.ts';
import type { BatchCheck, GuardLimits, RoomGuard } from './RoomGuard.ts';
import { namesWriter, type Writer } from './Writer.ts';

const THREADS = 'threads';
const THREAD_FIELDS = new Set(['anchor', 'createdBy', 'createdAt', 'resolved', 'assignee', 'comments', 'events']);
const COMMENT_FIELDS = new Set(['id', 'author', 'body', 'createdAt', 'editedAt', 'deleted']);
/** Longest comment body and anchor quote accepted (characters). */
const MAX_TEXT = COMMENT_MAX_LENGTH;

interface CommentState {
  /** The comment's Y.Map (or whatever malformed value stands there): its identity across the change. */
  entry: unknown;
  fields: Map<string, unknown>;
}

interface ThreadState {
  entry: unknown;
  fields: Map<string, unknown>;
  comments: CommentState[];
  events: unknown[];
}

type Threads = Map<string, ThreadState>;

/**
 * The rules of a comment-threads room (commenters write it), checked on the meaning of each change:
 * the update is applied to a private copy of the stored threads, and the threads before and after
 * are compared (only the threads the update touched: the cost follows the change, not the room). A member may open threads and write comments only as themselves; edit or delete
 * only their own comments (an edit is marked edited, a deletion leaves the placeholder); resolve or
 * reopen a thread they opened (facilitators and owners: any thread); assign any thread; every
 * resolve, reopen and assignment is logged by an event naming them; the event log only grows;
 * threads and comments are never removed or replaced. The copy lives between batches (threads
 * rooms are small and written seldom) and is rebuilt from the stored document when unsure.
 */
export class ThreadsGuard implements RoomGuard {
  private copy: { doc: Y.Doc; threads: Threads } | undefined;

  constructor(private readonly limits: GuardLimits) {}

  beginBatch(doc: Y.Doc): BatchCheck {
    const view = new BatchView(doc);
    const acceptedInBatch: Uint8Array[] = [];
    const copyNow = () => {
      if (!this.copy) {
        const copy = new Y.Doc({ gc: true });
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        for (const update of acceptedInBatch) Y.applyUpdate(copy, update);
        this.copy = { doc: copy, threads: readThreads(copy) };
      }
      return this.copy;
    };
    return {
      check: (update, decoded, writer) => {
        const indexed = view.index(decoded);
        if (writer) {
          const structure = checkStructure(view, indexed, this.limits, [THREADS]);
          if (!structure.ok) return structure;
        }
        const copy = copyNow();
        const touched = applyAndSeeTouched(copy.doc, update);
        const after = new Map(copy.threads);
        const root = copy.doc.getMap<unknown>(THREADS);
        for (const id of touched) {
          const entry = root.get(id);
          if (entry === undefined) after.delete(id);
          else after.set(id, readThread(entry));
        }
        const verdict = writer ? compareThreads(copy.threads, after, touched, writer) : ACCEPTED;
        if (!verdict.ok) {
          this.reset(); // the copy holds the refused change: build it again when next needed
          return verdict;
        }
        copy.threads = after;
        acceptedInBatch.push(update);
        view.accept(indexed);
        return ACCEPTED;
      },
    };
  }

  reset(): void {
    this.copy?.doc.destroy();
    this.copy = undefined;
  }
}

function fieldsOf(map: Y.Map<unknown>): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  map.forEach((value, key) => fields.set(key, value));
  return fields;
}

function readThread(entry: unknown): ThreadState {
  if (!(entry instanceof Y.Map)) return { entry, fields: new Map([['invalid', entry]]), comments: [], events: [] };
  const fields = fieldsOf(entry);
  const comments = fields.get('comments');
  const events = fields.get('events');
  return {
    entry,
    fields,
    comments: comments instanceof Y.Array ? comments.toArray().map((comment: unknown) => (comment instanceof Y.Map ? { entry: comment, fields: fieldsOf(comment) } : { entry: comment, fields: new Map([['invalid', comment]]) })) : [],
    events: events instanceof Y.Array ? events.toArray() : [],
  };
}

function readThreads(doc: Y.Doc): Threads {
  const threads: Threads = new Map();
  doc.getMap<unknown>(THREADS).forEach((entry, id) => threads.set(id, readThread(entry)));
  return threads;
}

/** Applies the update to the copy and answers the ids of the threads it changed (added, removed or inside). */
function applyAndSeeTouched(doc: Y.Doc, update: Uint8Array): Set<string> {
  const root: unknown = doc.getMap<unknown>(THREADS);
  const touched = new Set<string>();
  const see = (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      if (type === root) {
        for (const key of keys) if (key !== null) touched.add(key);
        continue;
      }
      for (let inner = type; inner._item; inner = inner._item.parent as typeof type) {
        if (inner._item.parent === root) {
          if (inner._item.parentSub !== null) touched.add(inner._item.parentSub);
          break;
        }
      }
    }
  };
  doc.on('afterTransaction', see);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    doc.off('afterTransaction', see);
  }
  return touched;
}

function mayResolve(thread: ThreadState, writer: Writer): boolean {
  return can(writer.role, 'thread.resolveAny') || (thread.fields.get('createdBy') as { id?: unknown } | undefined)?.id === writer.memberId;
}

function isPerson(value: unknown): boolean {
  const person = value as { id?: unknown; name?: unknown; color?: unknown } | null;
  return typeof person === 'object' && person !== null && typeof person.id === 'string' && typeof person.name === 'string' && typeof person.color === 'string' && HEX_COLOR.test(person.color);
}

function isAnchor(value: unknown): boolean {
  const anchor = value as { quote?: unknown; prefix?: unknown; suffix?: unknown } | null;
  return (
    typeof anchor === 'object' &&
    anchor !== null &&
    typeof anchor.quote === 'string' &&
    anchor.quote.length <= MAX_TEXT &&
    typeof anchor.prefix === 'string' &&
    typeof anchor.suffix === 'string' &&
    anchor.prefix.length <= 1000 &&
    anchor.suffix.length <= 1000
  );
}

type EventType = 'resolved' | 'reopened' | 'assigned';

/** The update's new events, checked: each names the writer, and resolving ones are theirs to make. */
function newEvents(thread: ThreadState, before: ThreadState | undefined, writer: Writer): { ok: true; types: Set<EventType> } | { ok: false; reason: string } {
  const known = new Set(before?.events ?? []);
  if (before && before.events.some((event) => !thread.events.includes(event))) return refused('a thread event was removed: the log only grows');
  const types = new Set<EventType>();
  for (const event of thread.events) {
    if (known.has(event)) continue;
    const { type, by, at } = (event ?? {}) as { type?: unknown; by?: unknown; at?: unknown };
    if (type !== 'resolved' && type !== 'reopened' && type !== 'assigned') return refused('unknown thread event');
    if (!namesWriter(by, writer) || typeof at !== 'number') return refused('a thread event must name its writer');
    if (type !== 'assigned' && !mayResolve(thread, writer)) return refused('only whoever opened a thread, or a facilitator, may resolve or reopen it');
    const assignee = (event as { assignee?: unknown }).assignee;
    if (type === 'assigned' && assignee !== null && !isPerson(assignee)) return refused('an assignment names its assignee');
    types.add(type);
  }
  return { ok: true, types };
}

function checkNewComment(comment: CommentState, writer: Writer): GuardVerdict {
  for (const key of comment.fields.keys()) if (!COMMENT_FIELDS.has(key)) return refused(`comments have no field "${key.slice(0, 40)}"`);
  const { fields } = comment;
  if (!namesWriter(fields.get('author'), writer)) return refused('a comment must be written as its writer');
  if (typeof fields.get('id') !== 'string' || typeof fields.get('body') !== 'string' || typeof fields.get('createdAt') !== 'number') {
    return refused('a comment needs an id, a body and a time');
  }
  if ((fields.get('body') as string).length > MAX_TEXT) return refused(`comment longer than ${MAX_TEXT} characters`);
  if (fields.has('deleted') && typeof fields.get('deleted') !== 'boolean') return refused('malformed comment');
  if (fields.has('editedAt') && typeof fields.get('editedAt') !== 'number') return refused('malformed comment');
  return ACCEPTED;
}

function checkChangedComment(before: CommentState, after: CommentState, writer: Writer): GuardVerdict {
  const changed = new Set<string>();
  for (const key of new Set([...before.fields.keys(), ...after.fields.keys()])) {
    if (before.fields.get(key) !== after.fields.get(key)) changed.add(key);
  }
  if (changed.size === 0) return ACCEPTED;
  const author = before.fields.get('author') as { id?: unknown } | undefined;
  if (author?.id !== writer.memberId) return refused('only its author may edit or delete a comment');
  for (const key of changed) if (key !== 'body' && key !== 'editedAt' && key !== 'deleted') return refused(`a comment's ${key} may not change`);
  const deleted = after.fields.get('deleted');
  if (changed.has('deleted') && deleted !== true) return refused('a deleted comment stays deleted');
  if (deleted === true) return after.fields.get('body') === '' ? ACCEPTED : refused('a deleted comment keeps no text');
  if (changed.has('body')) {
    const body = after.fields.get('body');
    if (typeof body !== 'string' || body.length > MAX_TEXT) return refused(`an edited comment is text of at most ${MAX_TEXT} characters`);
    if (!changed.has('editedAt') || typeof after.fields.get('editedAt') !== 'number') return refused('an edited comment must be marked edited');
  }
  return ACCEPTED;
}

function checkNewThread(thread: ThreadState, writer: Writer): GuardVerdict {
  for (const key of thread.fields.keys()) if (!THREAD_FIELDS.has(key)) return refused(`threads have no field "${key.slice(0, 40)}"`);
  const { fields } = thread;
  if (!namesWriter(fields.get('createdBy'), writer)) return refused('a thread must be opened as its writer');
  if (typeof fields.get('createdAt') !== 'number' || !isAnchor(fields.get('anchor'))) return refused('a thread needs a time and an anchor with its quote, prefix and suffix');
  if (!(fields.get('comments') instanceof Y.Array) || !(fields.get('events') instanceof Y.Array)) return refused('malformed thread');
  if (thread.comments.length === 0) return refused('a thread opens with a comment');
  for (const comment of thread.comments) {
    const verdict = checkNewComment(comment, writer);
    if (!verdict.ok) return verdict;
  }
  const events = newEvents(thread, undefined, writer);
  if (!events.ok) return events;
  const resolved = fields.get('resolved') ?? null;
  if (resolved !== null && !namesWriter((resolved as { by?: unknown }).by, writer)) return refused('a resolution must name its writer');
  const assignee = fields.get('assignee') ?? null;
  if (assignee !== null && !isPerson(assignee)) return refused('malformed assignee');
  return ACCEPTED;
}

function checkChangedThread(before: ThreadState, after: ThreadState, writer: Writer): GuardVerdict {
  if (after.fields.has('invalid')) return refused('malformed thread');
  const events = newEvents(after, before, writer);
  if (!events.ok) return events;
  for (const key of new Set([...before.fields.keys(), ...after.fields.keys()])) {
    const value = after.fields.get(key);
    if (before.fields.get(key) === value) continue;
    if (key === 'resolved') {
      if (!mayResolve(before, writer)) return refused('only whoever opened a thread, or a facilitator, may resolve or reopen it');
      if (value !== null && !namesWriter((value as { by?: unknown } | undefined)?.by, writer)) return refused('a resolution must name its writer');
      if (!events.types.has(value === null ? 'reopened' : 'resolved')) return refused('resolving or reopening a thread is logged as an event');
    } else if (key === 'assignee') {
      if (value !== null && !isPerson(value)) return refused('malformed assignee');
      if (!events.types.has('assigned')) return refused('an assignment is logged as an event');
    } else {
      return refused(`a thread's ${key.slice(0, 40)} may not change`);
    }
  }
  const earlier = new Map(before.comments.map((comment) => [comment.entry, comment]));
  const present = new Set(after.comments.map((comment) => comment.entry));
  for (const entry of earlier.keys()) if (!present.has(entry)) return refused('comments are never removed (a deletion leaves a placeholder)');
  if (before.comments.length > 0 && after.comments[0]?.entry !== before.comments[0]!.entry) return refused('nothing goes before the comment that opened a thread');
  const ids = new Set(before.comments.map((comment) => comment.fields.get('id')));
  for (const comment of after.comments) {
    if (comment.fields.has('invalid')) return refused('malformed comment');
    const previous = earlier.get(comment.entry);
    if (!previous && ids.has(comment.fields.get('id'))) return refused('a new comment needs an id of its own');
    const verdict = previous ? checkChangedComment(previous, comment, writer) : checkNewComment(comment, writer);
    if (!verdict.ok) return verdict;
    ids.add(comment.fields.get('id'));
  }
  return ACCEPTED;
}

function compareThreads(before: Threads, after: Threads, touched: Set<string>, writer: Writer): GuardVerdict {
  for (const id of touched) {
    const previous = before.get(id);
    const thread = after.get(id);
    if (previous && thread?.entry !== previous.entry) return refused('threads are never removed or replaced');
    if (!thread) continue;
    const verdict = previous ? checkChangedThread(previous, thread, writer) : checkNewThread(thread, writer);
    if (!verdict.ok) return verdict;
  }
  return ACCEPTED;
}

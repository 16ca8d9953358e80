import * as Y from 'yjs';
import type { TextAnchor } from './textAnchor.ts';

/**
 * Comment threads of one text document, in a Yjs document of their own
 * (`<workspace>/<document>/threads`): synced, stored and available offline like the text, and
 * writable by people who may not change the text. One nested Y.Map per thread, a Y.Array of
 * comments (concurrent replies all survive) and an append-only log of status events.
 */
export interface Member {
  /** Stable per person (per browser until accounts exist). */
  id: string;
  name: string;
  color: string;
}

export interface CommentRecord {
  id: string;
  author: Member;
  body: string;
  createdAt: number;
  editedAt?: number;
  deleted: boolean;
}

export type ThreadEvent =
  | { type: 'resolved' | 'reopened'; by: Member; at: number }
  | { type: 'assigned'; by: Member; at: number; assignee: Member | null };

export interface ThreadRecord {
  id: string;
  anchor: TextAnchor;
  createdBy: Member;
  createdAt: number;
  resolved: { by: Member; at: number } | null;
  assignee: Member | null;
  comments: CommentRecord[];
  events: ThreadEvent[];
  /** Time of the latest comment or event. */
  lastActivity: number;
}

/** Longest comment body (characters) the server stores: a long comment, not a way to fill a room. */
export const COMMENT_MAX_LENGTH = 20_000;

/** What the comment box lets one type: below the stored limit, which mention ids added on sending count against. */
export const COMMENT_INPUT_MAX_LENGTH = 16_000;

const THREADS = 'threads';
type Entry = Y.Map<unknown>;

function threads(doc: Y.Doc): Y.Map<Entry> {
  return doc.getMap<Entry>(THREADS);
}

function member(value: unknown): Member {
  const m = (value ?? {}) as Partial<Member>;
  return {
    id: typeof m.id === 'string' ? m.id : '',
    name: typeof m.name === 'string' ? m.name : 'Someone',
    color: typeof m.color === 'string' ? m.color : '#4b5563',
  };
}

function readComment(entry: Entry): CommentRecord {
  const editedAt = entry.get('editedAt');
  const record: CommentRecord = {
    id: String(entry.get('id') ?? ''),
    author: member(entry.get('author')),
    body: entry.get('deleted') === true ? '' : String(entry.get('body') ?? ''),
    createdAt: Number(entry.get('createdAt') ?? 0),
    deleted: entry.get('deleted') === true,
  };
  if (typeof editedAt === 'number') record.editedAt = editedAt;
  return record;
}

export function readThread(id: string, entry: Entry): ThreadRecord {
  const comments = (entry.get('comments') as Y.Array<Entry> | undefined)?.toArray().map(readComment) ?? [];
  const events = ((entry.get('events') as Y.Array<ThreadEvent> | undefined)?.toArray() ?? []).map((event) => ({
    ...event,
    by: member(event.by),
  })) as ThreadEvent[];
  const resolved = entry.get('resolved') as { by: unknown; at: number } | null | undefined;
  const assignee = entry.get('assignee');
  const createdAt = Number(entry.get('createdAt') ?? 0);
  const lastActivity = Math.max(
    createdAt,
    ...comments.map((c) => Math.max(c.createdAt, c.editedAt ?? 0)),
    ...events.map((e) => e.at),
  );
  return {
    id,
    anchor: entry.get('anchor') as TextAnchor,
    createdBy: member(entry.get('createdBy')),
    createdAt,
    resolved: resolved ? { by: member(resolved.by), at: resolved.at } : null,
    assignee: assignee ? member(assignee) : null,
    comments,
    events,
    lastActivity,
  };
}

/**
 * Every thread whose record is whole, oldest first. A damaged record (an anchor without its quote and
 * context, comments that are not a list…, as an old or hostile client may have stored it before the
 * server checked threads) is left out rather than breaking whoever reads the room.
 */
export function readThreads(doc: Y.Doc): ThreadRecord[] {
  const list: ThreadRecord[] = [];
  threads(doc).forEach((entry, id) => {
    const thread = entry instanceof Y.Map ? readWholeThread(id, entry) : undefined;
    if (thread) list.push(thread);
  });
  return list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

function readWholeThread(id: string, entry: Entry): ThreadRecord | undefined {
  try {
    const thread = readThread(id, entry);
    const anchor = thread.anchor as Partial<TextAnchor> | undefined;
    const whole = typeof anchor?.quote === 'string' && typeof anchor.prefix === 'string' && typeof anchor.suffix === 'string';
    return whole ? thread : undefined;
  } catch {
    return undefined;
  }
}

export function newCommentId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `c${[...bytes].map((b) => (b % 36).toString(36)).join('')}`;
}

function commentEntry(id: string, author: Member, body: string, at: number): Entry {
  const entry = new Y.Map<unknown>();
  entry.set('id', id);
  entry.set('author', { ...author });
  entry.set('body', body);
  entry.set('createdAt', at);
  return entry;
}

/** Opens a thread on an anchored passage with its first comment. */
export function createThread(
  doc: Y.Doc,
  input: { id: string; anchor: TextAnchor; by: Member; body: string; at?: number; commentId?: string },
): void {
  const at = input.at ?? Date.now();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    threads(doc).set(input.id, entry);
    entry.set('anchor', input.anchor);
    entry.set('createdBy', { ...input.by });
    entry.set('createdAt', at);
    entry.set('resolved', null);
    entry.set('assignee', null);
    const comments = new Y.Array<Entry>();
    entry.set('comments', comments);
    entry.set('events', new Y.Array<ThreadEvent>());
    comments.push([commentEntry(input.commentId ?? newCommentId(), input.by, input.body, at)]);
  });
}

export type ThreadChange = { ok: true } | { ok: false; error: string };

function thread(doc: Y.Doc, id: string): Entry | undefined {
  return threads(doc).get(id);
}

export function reply(doc: Y.Doc, threadId: string, by: Member, body: string, at = Date.now(), commentId = newCommentId()): ThreadChange {
  const entry = thread(doc, threadId);
  if (!entry) return { ok: false, error: 'no such thread' };
  (entry.get('comments') as Y.Array<Entry>).push([commentEntry(commentId, by, body, at)]);
  return { ok: true };
}

function findComment(doc: Y.Doc, threadId: string, commentId: string): Entry | undefined {
  const comments = thread(doc, threadId)?.get('comments') as Y.Array<Entry> | undefined;
  return comments?.toArray().find((c) => c.get('id') === commentId);
}

/** Only the author may edit; the comment is marked edited. */
export function editComment(doc: Y.Doc, threadId: string, commentId: string, by: Member, body: string, at = Date.now()): ThreadChange {
  const comment = findComment(doc, threadId, commentId);
  if (!comment || comment.get('deleted') === true) return { ok: false, error: 'no such comment' };
  if (member(comment.get('author')).id !== by.id) return { ok: false, error: 'only the author can edit a comment' };
  doc.transact(() => {
    comment.set('body', body);
    comment.set('editedAt', at);
  });
  return { ok: true };
}

/** Only the author may delete; the thread keeps a placeholder so replies still follow it. */
export function deleteComment(doc: Y.Doc, threadId: string, commentId: string, by: Member): ThreadChange {
  const comment = findComment(doc, threadId, commentId);
  if (!comment || comment.get('deleted') === true) return { ok: false, error: 'no such comment' };
  if (member(comment.get('author')).id !== by.id) return { ok: false, error: 'only the author can delete a comment' };
  doc.transact(() => {
    comment.set('deleted', true);
    comment.set('body', '');
  });
  return { ok: true };
}

function logEvent(entry: Entry, event: ThreadEvent): void {
  (entry.get('events') as Y.Array<ThreadEvent>).push([event]);
}

export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: Member, at = Date.now()): ThreadChange {
  const entry = thread(doc, threadId);
  if (!entry) return { ok: false, error: 'no such thread' };
  doc.transact(() => {
    entry.set('resolved', resolved ? { by: { ...by }, at } : null);
    logEvent(entry, { type: resolved ? 'resolved' : 'reopened', by: { ...by }, at });
  });
  return { ok: true };
}

export function assignThread(doc: Y.Doc, threadId: string, assignee: Member | null, by: Member, at = Date.now()): ThreadChange {
  const entry = thread(doc, threadId);
  if (!entry) return { ok: false, error: 'no such thread' };
  doc.transact(() => {
    entry.set('assignee', assignee ? { ...assignee } : null);
    logEvent(entry, { type: 'assigned', by: { ...by }, at, assignee: assignee ? { ...assignee } : null });
  });
  return { ok: true };
}

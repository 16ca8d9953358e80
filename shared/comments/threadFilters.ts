import { mentionsPerson } from './commentMarkup.ts';
import type { Member, ThreadRecord } from './threadsDoc.ts';

export interface ThreadFilter {
  status?: 'open' | 'resolved' | 'all';
  assignedTo?: string;
  /** threads mentioning this person (by id; by name for mentions written without one) */
  mentioning?: Pick<Member, 'id' | 'name'>;
  author?: string;
  /** threads whose passage carries this term (see `termsAt`) */
  termId?: string;
}

/** Whether a thread mentions a person in any live comment. */
export function mentions(thread: ThreadRecord, person: Pick<Member, 'id' | 'name'>): boolean {
  return thread.comments.some((comment) => !comment.deleted && mentionsPerson(comment.body, person));
}

/**
 * Threads matching a filter. `termsOf` gives the terms of the passage a thread is anchored on
 * (from the document's annotations); it is only needed for the term filter.
 */
export function filterThreads(
  list: readonly ThreadRecord[],
  filter: ThreadFilter,
  termsOf: (thread: ThreadRecord) => Set<string> = () => new Set(),
): ThreadRecord[] {
  return list.filter((thread) => {
    const status = filter.status ?? 'all';
    if (status === 'open' && thread.resolved) return false;
    if (status === 'resolved' && !thread.resolved) return false;
    if (filter.assignedTo && thread.assignee?.id !== filter.assignedTo) return false;
    if (filter.author && !thread.comments.some((c) => c.author.id === filter.author)) return false;
    if (filter.mentioning && !mentions(thread, filter.mentioning)) return false;
    if (filter.termId && !termsOf(thread).has(filter.termId)) return false;
    return true;
  });
}

export interface ThreadCounts {
  open: number;
  resolved: number;
  unanswered: number;
}

export function countThreads(list: readonly ThreadRecord[]): ThreadCounts {
  let open = 0;
  let unanswered = 0;
  for (const thread of list) {
    if (thread.resolved) continue;
    open += 1;
    if (thread.comments.filter((c) => !c.deleted).length <= 1) unanswered += 1;
  }
  return { open, resolved: list.length - open, unanswered };
}

export interface FacilitatorRow {
  documentId: string;
  thread: ThreadRecord;
}

export interface FacilitatorOverview {
  /** open threads, oldest first */
  open: FacilitatorRow[];
  openByDocument: Map<string, number>;
  /** assignee id → open threads ("" for unassigned) */
  openByAssignee: Map<string, { assignee: Member | null; count: number }>;
  /** open threads with only their first comment */
  unanswered: FacilitatorRow[];
  /** threads with activity after `since` by someone else */
  newSince: FacilitatorRow[];
}

/** The facilitator's overview across every document of a workspace. */
export function facilitatorOverview(
  byDocument: ReadonlyMap<string, readonly ThreadRecord[]>,
  options: { since?: number; me?: string } = {},
): FacilitatorOverview {
  const open: FacilitatorRow[] = [];
  const openByDocument = new Map<string, number>();
  const openByAssignee = new Map<string, { assignee: Member | null; count: number }>();
  const unanswered: FacilitatorRow[] = [];
  const newSince: FacilitatorRow[] = [];
  for (const [documentId, threads] of byDocument) {
    for (const thread of threads) {
      const row = { documentId, thread };
      if (options.since !== undefined && thread.lastActivity > options.since) {
        const byOthers =
          thread.comments.some((c) => c.createdAt > options.since! && c.author.id !== options.me) ||
          thread.events.some((e) => e.at > options.since! && e.by.id !== options.me);
        if (byOthers) newSince.push(row);
      }
      if (thread.resolved) continue;
      open.push(row);
      openByDocument.set(documentId, (openByDocument.get(documentId) ?? 0) + 1);
      const key = thread.assignee?.id ?? '';
      const entry = openByAssignee.get(key) ?? { assignee: thread.assignee, count: 0 };
      entry.count += 1;
      openByAssignee.set(key, entry);
      if (thread.comments.filter((c) => !c.deleted).length <= 1) unanswered.push(row);
    }
  }
  const oldestFirst = (a: FacilitatorRow, b: FacilitatorRow) => a.thread.createdAt - b.thread.createdAt;
  return {
    open: open.sort(oldestFirst),
    openByDocument,
    openByAssignee,
    unanswered: unanswered.sort(oldestFirst),
    newSince: newSince.sort((a, b) => b.thread.lastActivity - a.thread.lastActivity),
  };
}

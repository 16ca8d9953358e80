import { mentionsPerson } from './commentMarkup.ts';
import type { Member, ThreadRecord } from './threadsDoc.ts';

export interface ThreadNotification {
  documentId: string;
  thread: ThreadRecord;
  reason: 'mention' | 'assignment';
  /** When it happened (the mention's comment, or the assignment). */
  at: number;
  by: Member;
  /** After the list was last opened. */
  unread: boolean;
}

/**
 * What concerns me across a workspace's threads: comments by others that mention me, and threads
 * others assigned to me (the latest assignment, while it is still mine). Newest first.
 */
export function notificationsFor(
  byDocument: ReadonlyMap<string, readonly ThreadRecord[]>,
  me: Pick<Member, 'id' | 'name'>,
  lastSeen: number,
): ThreadNotification[] {
  const list: ThreadNotification[] = [];
  for (const [documentId, threads] of byDocument) {
    for (const thread of threads) {
      for (const comment of thread.comments) {
        if (comment.deleted || comment.author.id === me.id) continue;
        if (!mentionsPerson(comment.body, me)) continue;
        list.push({ documentId, thread, reason: 'mention', at: comment.createdAt, by: comment.author, unread: comment.createdAt > lastSeen });
      }
      if (thread.assignee?.id === me.id) {
        const assigned = thread.events.filter((e) => e.type === 'assigned').at(-1);
        if (assigned && assigned.by.id !== me.id) {
          list.push({ documentId, thread, reason: 'assignment', at: assigned.at, by: assigned.by, unread: assigned.at > lastSeen });
        }
      }
    }
  }
  return list.sort((a, b) => b.at - a.at);
}

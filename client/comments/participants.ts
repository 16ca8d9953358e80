import type { Member, ThreadRecord } from '../../shared/comments/threadsDoc.ts';

/**
 * The people one can mention or assign: everyone who wrote in or was assigned a thread, and
 * everyone present (awareness states carrying `user: {id, name, color}`), by name, each once.
 */
export function knownParticipants(threads: readonly ThreadRecord[], present: Iterable<unknown>, me?: Member): Member[] {
  const byId = new Map<string, Member>();
  const add = (member: Member | null | undefined) => {
    if (!member || !member.id || !member.name) return;
    if (!byId.has(member.id)) byId.set(member.id, { id: member.id, name: member.name, color: member.color });
  };
  add(me);
  for (const state of present) {
    const user = (state as { user?: Partial<Member> } | null)?.user;
    if (user && typeof user.id === 'string' && typeof user.name === 'string' && typeof user.color === 'string') {
      add({ id: user.id, name: user.name, color: user.color });
    }
  }
  for (const thread of threads) {
    add(thread.createdBy);
    add(thread.assignee);
    for (const comment of thread.comments) add(comment.author);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The `@query` being typed just before the caret, if any. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@([^\s@[\]]{0,30})$/.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Replaces the `@query` at `start` with `@[Name] `; returns the new text and caret. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const mention = `@[${name}] `;
  return { text: text.slice(0, start) + mention + text.slice(caret), caret: start + mention.length };
}

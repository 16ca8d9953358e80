import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { notificationsFor } from '../../shared/comments/notifications.ts';
import { assignThread, createThread, readThreads, reply, type Member } from '../../shared/comments/threadsDoc.ts';
import type { TextAnchor } from '../../shared/comments/textAnchor.ts';

const amina: Member = { id: 'a', name: 'Amina Diallo', color: '#0e7490' };
const ben: Member = { id: 'b', name: 'Ben Ortiz', color: '#6d28d9' };
const anchor: TextAnchor = { start: null, end: null, quote: 'words', prefix: '', suffix: '' };

describe('notifications', () => {
  it('lists mentions and assignments by others, newest first, unread after the last look', () => {
    const doc = new Y.Doc();
    createThread(doc, { id: 't1', anchor, by: amina, body: 'Hello @[Ben Ortiz]', at: 100 });
    createThread(doc, { id: 't2', anchor, by: ben, body: 'Note to self @[Ben Ortiz]', at: 150 });
    assignThread(doc, 't2', ben, amina, 300);
    reply(doc, 't1', amina, 'Nothing for Ben here', 400);
    const byDocument = new Map([['d1', readThreads(doc)]]);

    const list = notificationsFor(byDocument, ben, 200);
    expect(list.map((n) => [n.thread.id, n.reason, n.unread])).toEqual([
      ['t2', 'assignment', true],
      ['t1', 'mention', false],
    ]);
    expect(notificationsFor(byDocument, amina, 0)).toEqual([]);
  });

  it('finds mentions by the stable id: a renamed person still, a namesake never', () => {
    const doc = new Y.Doc();
    createThread(doc, { id: 't1', anchor, by: amina, body: 'Over to @[Ben O.](b)', at: 100 });
    createThread(doc, { id: 't2', anchor, by: amina, body: 'And @[Ben Ortiz](other-ben)', at: 200 });
    const byDocument = new Map([['d1', readThreads(doc)]]);
    expect(notificationsFor(byDocument, ben, 0).map((n) => n.thread.id)).toEqual(['t1']);
  });

  it('forgets an assignment that moved to someone else, and one I made myself', () => {
    const doc = new Y.Doc();
    createThread(doc, { id: 't1', anchor, by: amina, body: 'x', at: 100 });
    assignThread(doc, 't1', ben, amina, 200);
    assignThread(doc, 't1', amina, amina, 300);
    expect(notificationsFor(new Map([['d', readThreads(doc)]]), ben, 0)).toEqual([]);
    assignThread(doc, 't1', ben, ben, 400);
    expect(notificationsFor(new Map([['d', readThreads(doc)]]), ben, 0)).toEqual([]);
  });
});

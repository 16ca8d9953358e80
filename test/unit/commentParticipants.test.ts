import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { insertMention, knownParticipants, mentionQuery } from '../../client/comments/participants.ts';
import { inDocumentOrder } from '../../client/comments/threadPlacement.ts';
import type { TextAnchor } from '../../shared/comments/textAnchor.ts';
import { assignThread, createThread, readThreads, reply, type Member } from '../../shared/comments/threadsDoc.ts';

const amina: Member = { id: 'a', name: 'Amina Diallo', color: '#0e7490' };
const ben: Member = { id: 'b', name: 'Ben Ortiz', color: '#6d28d9' };
const chen: Member = { id: 'c', name: 'Chen Wei', color: '#b42318' };
const anchor: TextAnchor = { start: null, end: null, quote: 'q', prefix: '', suffix: '' };

describe('comment participants and mentions', () => {
  it('knows authors, assignees and people present, each once, by name', () => {
    const doc = new Y.Doc();
    createThread(doc, { id: 't1', anchor, by: ben, body: 'x', at: 1 });
    reply(doc, 't1', amina, 'y', 2);
    assignThread(doc, 't1', chen, ben, 3);
    const present = [{ user: { id: 'd', name: 'Dana Ruiz', color: '#000000' } }, { user: { name: 'No id' } }, null];
    expect(knownParticipants(readThreads(doc), present, amina).map((m) => m.name)).toEqual(['Amina Diallo', 'Ben Ortiz', 'Chen Wei', 'Dana Ruiz']);
  });

  it('finds the @query before the caret and inserts the mention markup', () => {
    expect(mentionQuery('Over to you @Be', 15)).toEqual({ start: 12, query: 'Be' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail me at a@b', 14)).toBeNull();
    expect(mentionQuery('@[Ben Ortiz] done', 17)).toBeNull();
    expect(insertMention('Over to you @Be!', 12, 15, 'Ben Ortiz')).toEqual({ text: 'Over to you @[Ben Ortiz] !', caret: 25 });
  });

  it('orders threads by their place in the text, orphaned ones last', () => {
    const doc = new Y.Doc();
    for (const [id, at] of [['late', 1], ['early', 2], ['gone', 3]] as const) createThread(doc, { id, anchor, by: amina, body: 'x', at });
    const places = new Map([
      ['late', { offset: 40, end: 45, from: 41, to: 46 }],
      ['early', { offset: 3, end: 9, from: 4, to: 10 }],
    ]);
    expect(inDocumentOrder(readThreads(doc), places).map((t) => t.id)).toEqual(['early', 'late', 'gone']);
  });
});

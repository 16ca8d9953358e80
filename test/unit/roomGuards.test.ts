import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTag, createAnnotation, removeTag, setQuote } from '../../shared/annotations/annotationDoc.ts';
import { assignThread, createThread, deleteComment, editComment, reply, setResolved, type Member } from '../../shared/comments/threadsDoc.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import type { GuardVerdict } from '../../server/sync/guards/GuardVerdict.ts';
import type { RoomGuard } from '../../server/sync/guards/RoomGuard.ts';
import { TextGuard } from '../../server/sync/guards/TextGuard.ts';
import { ThreadsGuard } from '../../server/sync/guards/ThreadsGuard.ts';
import type { Writer } from '../../server/sync/guards/Writer.ts';

const LIMITS = { maxNewClientsPerUpdate: 8, maxNestingDepth: 16 };

const amina: Writer = { memberId: 'm-amina', name: 'Amina Diallo', role: 'commenter' };
const bruno: Writer = { memberId: 'm-bruno', name: 'Bruno Costa', role: 'commenter' };
const chair: Writer = { memberId: 'm-chair', name: 'Carla Chair', role: 'facilitator' };
const as = (writer: Writer, color = '#1d4ed8'): Member => ({ id: writer.memberId, name: writer.name, color });

const ANCHOR = { start: null, end: null, quote: 'supply chain', prefix: 'the ', suffix: ' of products' };

/** The server's stored document, its guard, and clients that sync with it only through the guard. */
function room(guard: RoomGuard) {
  const server = new Y.Doc();
  return {
    server,
    client() {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      return doc;
    },
    /** Sends what `doc` has and the server lacks, as `writer`; the server stores it when accepted. */
    send(doc: Y.Doc, writer: Writer): GuardVerdict {
      return this.sendUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)), writer);
    },
    sendUpdate(update: Uint8Array, writer: Writer | undefined): GuardVerdict {
      const verdict = guard.beginBatch(server).check(update, Y.decodeUpdate(update), writer);
      if (verdict.ok) Y.applyUpdate(server, update);
      return verdict;
    },
  };
}

function expectRefused(verdict: GuardVerdict, reason: RegExp): void {
  expect(verdict.ok).toBe(false);
  if (!verdict.ok) expect(verdict.reason).toMatch(reason);
}

describe('every room: structure', () => {
  it('refuses an update that would stay pending: items after a gap, or deletions of a client nobody has', () => {
    const r = room(new TextGuard(LIMITS));
    const doc = r.client();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('text').insert(0, 'first');
    doc.getText('text').insert(5, ' second');
    expectRefused(r.sendUpdate(updates[1]!, amina), /does not have/); // its first part never arrived
    doc.getText('text').insert(12, ' third');
    expectRefused(r.sendUpdate(Y.mergeUpdates([updates[0]!, updates[2]!]), amina), /after a gap/); // merged around a missing middle
    expect(r.server.getText('text').toString()).toBe('');
    expect(r.sendUpdate(updates[0]!, amina).ok).toBe(true);
    expect(r.sendUpdate(updates[1]!, amina).ok).toBe(true);
    expect(r.server.getText('text').toString()).toBe('first second');

    // a valid update whose delete set names a client the document never saw (1,000 ranges)
    const ds = new Y.Doc();
    ds.getText('text').insert(0, 'x'.repeat(2000));
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(ds));
    for (let index = 0; index < 1000; index++) deleter.getText('text').delete(index, 1);
    const onlyDeletes = Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(ds));
    expectRefused(r.sendUpdate(Y.mergeUpdates([onlyDeletes]), amina), /does not have/);
    expect(r.server.store.pendingDs).toBeNull();
  });

  it('refuses an update that brings more new clients than allowed', () => {
    const r = room(new TextGuard(LIMITS));
    const updates = Array.from({ length: 9 }, (_, index) => {
      const doc = new Y.Doc();
      doc.getText('text').insert(0, `client ${index}`);
      return Y.encodeStateAsUpdate(doc);
    });
    expectRefused(r.sendUpdate(Y.mergeUpdates(updates), amina), /9 clients \(at most 8\)/);
    expect(r.sendUpdate(Y.mergeUpdates(updates.slice(0, 8)), amina).ok).toBe(true);
  });

  it('refuses text nested deeper than the limit, and accepts the usual depth', () => {
    const r = room(new TextGuard(LIMITS));
    const nest = (depth: number) => {
      const doc = r.client();
      let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(TEXT_FIELD);
      for (let level = 0; level < depth; level++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(parent.length, [quote]);
        parent = quote;
      }
      parent.insert(0, [new Y.XmlText('deep')]);
      return doc;
    };
    expect(r.send(nest(5), amina).ok).toBe(true);
    expectRefused(r.send(nest(40), amina), /nested more than 16 levels/);
    expect(r.server.getXmlFragment(TEXT_FIELD).toString()).not.toContain('blockquote><blockquote><blockquote><blockquote><blockquote><blockquote>');
  });
});

describe('text rooms: annotation records name their writer', () => {
  const editor: Writer = { ...amina, role: 'editor' };
  const other: Writer = { ...bruno, role: 'editor' };

  it('accepts a passage and tags credited to the writer, refuses them credited to someone else', () => {
    const r = room(new TextGuard(LIMITS));
    const doc = r.client();
    createAnnotation(doc, { id: 'a1', by: as(editor), quote: 'supply chain', termIds: ['ungge-2015-i'] });
    expect(r.send(doc, editor).ok).toBe(true);

    const forger = r.client();
    createAnnotation(forger, { id: 'a2', by: as(other), quote: 'hack-back', termIds: ['paris-8'] });
    expectRefused(r.send(forger, editor), /credited to its writer/);

    const tagger = r.client();
    addTag(tagger, 'a1', 'paris-5', as(other));
    expectRefused(r.send(tagger, editor), /credited to its writer/);
    const honest = r.client();
    addTag(honest, 'a1', 'paris-5', as(other));
    expect(r.send(honest, other).ok).toBe(true);
  });

  it('lets anyone refresh a quote or remove a tag, but not rewrite who made a passage', () => {
    const r = room(new TextGuard(LIMITS));
    const doc = r.client();
    createAnnotation(doc, { id: 'a1', by: as(editor), quote: 'supply chain', termIds: ['ungge-2015-i', 'gcsc-3'] });
    expect(r.send(doc, editor).ok).toBe(true);
    const colleague = r.client();
    setQuote(colleague, 'a1', 'the supply chain');
    removeTag(colleague, 'a1', 'gcsc-3');
    expect(r.send(colleague, other).ok).toBe(true);
    const rewriter = r.client();
    (rewriter.getMap('annotations').get('a1') as Y.Map<unknown>).set('createdBy', as(other));
    expectRefused(r.send(rewriter, other), /createdBy may not change/);
  });

  it('accepts undoing the removal of someone else’s tag: it comes back credited to them', () => {
    const r = room(new TextGuard(LIMITS));
    const doc = r.client();
    createAnnotation(doc, { id: 'a1', by: as(editor), quote: 'supply chain', termIds: ['ungge-2015-i'] });
    expect(r.send(doc, editor).ok).toBe(true);
    const colleague = r.client();
    const undo = new Y.UndoManager(colleague.getMap('annotations'));
    removeTag(colleague, 'a1', 'ungge-2015-i');
    expect(r.send(colleague, other).ok).toBe(true);
    undo.undo();
    expect((colleague.getMap('annotations').get('a1') as Y.Map<Y.Map<unknown>>).get('tags')!.get('ungge-2015-i')).toMatchObject({ by: { id: editor.memberId } });
    expect(r.send(colleague, other).ok).toBe(true);
    // but a value that never stood there is still a forgery
    const forger = r.client();
    (forger.getMap('annotations').get('a1') as Y.Map<Y.Map<unknown>>).get('tags')!.set('paris-1', { by: as(editor), at: 1 });
    expectRefused(r.send(forger, other), /credited to its writer/);
  });
});

describe('guards see what Yjs will apply, not what an update claims', () => {
  const editor: Writer = { ...amina, role: 'editor' };
  const other: Writer = { ...bruno, role: 'editor' };

  it('reads a map entry holding several values as its readers do: by its last value', () => {
    const r = room(new TextGuard(LIMITS));
    const doc = r.client();
    createAnnotation(doc, { id: 'a1', by: as(other), quote: 'q', termIds: ['paris-5'] });
    const entry = doc.getMap('annotations').get('a1') as Y.Map<unknown>;
    // a crafted entry: two values in one item, the writer's first and a colleague's last
    const item = (entry as unknown as { _map: Map<string, Y.Item> })._map.get('createdBy')!;
    (item as unknown as { content: Y.ContentAny }).content = new Y.ContentAny([as(other), as(editor)]);
    (item as unknown as { length: number }).length = 2;
    expectRefused(r.send(doc, other), /credited to its writer/);
  });

  it('resolves where new content sits from the stored document, whatever copy of stored content an update re-sends', () => {
    const r = room(new TextGuard(LIMITS));
    const alice = r.client();
    createAnnotation(alice, { id: 'a1', by: as(editor), quote: 'q', termIds: ['paris-5'] });
    expect(r.send(alice, editor).ok).toBe(true);
    const bob = r.client();
    const entry = bob.getMap('annotations').get('a1') as Y.Map<unknown>;
    const target = (entry as unknown as { _map: Map<string, Y.Item> })._map.get('createdBy')!;
    const before = Y.encodeStateVector(bob);
    entry.set('createdBy', as(other));
    const honest = Y.encodeStateAsUpdate(bob, before);
    expectRefused(r.sendUpdate(honest, other), /createdBy may not change/);
    // the same change, with a made-up copy of Alice's stored structs claiming they sit in a harmless text
    const fake = new Y.Doc();
    fake.clientID = target.id.client;
    fake.getText('scratch').insert(0, 'x'.repeat(Y.getState(r.server.store, target.id.client)));
    expectRefused(r.sendUpdate(Y.mergeUpdates([Y.encodeStateAsUpdate(fake), honest]), other), /createdBy may not change/);
    expect((r.server.getMap('annotations').get('a1') as Y.Map<{ id: string }>).get('createdBy')!.id).toBe(editor.memberId);
  });
});

describe('threads rooms: members write only as themselves', () => {
  function withThread() {
    const r = room(new ThreadsGuard(LIMITS));
    const doc = r.client();
    createThread(doc, { id: 't1', anchor: ANCHOR, by: as(amina), body: 'Should this say "take steps to prevent"?', commentId: 'c1' });
    expect(r.send(doc, amina).ok).toBe(true);
    return r;
  }

  it('opens threads and replies as the writer only', () => {
    const r = withThread();
    const forged = r.client();
    createThread(forged, { id: 't2', anchor: ANCHOR, by: as(chair), body: 'As the chair: agreed.' });
    expectRefused(r.send(forged, bruno), /opened as its writer/);
    const ownerReply = r.client();
    reply(ownerReply, 't1', as(chair), 'Posted in the chair’s name');
    expectRefused(r.send(ownerReply, bruno), /written as its writer/);
    // two members may share a name: the member id decides
    const namesake: Writer = { memberId: 'm-other-amina', name: amina.name, role: 'commenter' };
    const sameName = r.client();
    reply(sameName, 't1', as(amina), 'Same name, other person');
    expectRefused(r.send(sameName, namesake), /written as its writer/);
    const honest = r.client();
    reply(honest, 't1', as(bruno), 'Yes, that is the Paris Call wording.');
    expect(r.send(honest, bruno).ok).toBe(true);
    const badAnchor = r.client();
    createThread(badAnchor, { id: 't3', anchor: { start: null, end: null, quote: 'x' } as never, by: as(bruno), body: 'no context' });
    expectRefused(r.send(badAnchor, bruno), /anchor/);
  });

  it('edits and deletes only one’s own comments, marked edited; never removes threads or comments', () => {
    const r = withThread();
    const rewrite = r.client();
    const comment = ((rewrite.getMap('threads').get('t1') as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>).get(0);
    comment.set('body', 'Amina agrees with everything.');
    expectRefused(r.send(rewrite, bruno), /only its author/);
    const unmarked = r.client();
    ((unmarked.getMap('threads').get('t1') as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>).get(0).set('body', 'quiet change');
    expectRefused(r.send(unmarked, amina), /marked edited/);
    const own = r.client();
    expect(editComment(own, 't1', 'c1', as(amina), 'Should this say "take steps to prevent" instead?').ok).toBe(true);
    expect(r.send(own, amina).ok).toBe(true);
    const theirs = r.client();
    expect(deleteComment(theirs, 't1', 'c1', as(amina)).ok).toBe(true); // the client-side check is bypassed by writing as Amina…
    expectRefused(r.send(theirs, bruno), /only its author/); // …but the server knows the connection is Bruno's
    const wipe = r.client();
    wipe.getMap('threads').delete('t1');
    expectRefused(r.send(wipe, chair), /never removed/);
    const creator = r.client();
    (creator.getMap('threads').get('t1') as Y.Map<unknown>).set('createdBy', as(bruno));
    expectRefused(r.send(creator, bruno), /createdBy may not change/);
  });

  it('keeps the opening comment first and every comment id its own', () => {
    const r = withThread();
    const before = r.client();
    const comments = (before.getMap('threads').get('t1') as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>;
    const first = new Y.Map<unknown>();
    comments.insert(0, [first]);
    first.set('id', 'c0');
    first.set('author', as(bruno));
    first.set('body', 'Above the question');
    first.set('createdAt', 1);
    expectRefused(r.send(before, bruno), /before the comment that opened/);
    const sameId = r.client();
    reply(sameId, 't1', as(bruno), 'Takes the id of the first comment', 2, 'c1');
    expectRefused(r.send(sameId, bruno), /id of its own/);
    const oddEdit = r.client();
    reply(oddEdit, 't1', as(bruno), 'edited at an object', 3, 'c9');
    ((oddEdit.getMap('threads').get('t1') as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>).get(1).set('editedAt', new Y.Map());
    expectRefused(r.send(oddEdit, bruno), /malformed comment/);
  });

  it('resolves per the rule book, always with an event naming the writer; the log only grows', () => {
    const r = withThread();
    const stranger = r.client();
    setResolved(stranger, 't1', true, as(bruno));
    expectRefused(r.send(stranger, bruno), /whoever opened a thread, or a facilitator/);
    const impersonated = r.client();
    setResolved(impersonated, 't1', true, as(amina));
    expectRefused(r.send(impersonated, bruno), /name its writer|whoever opened/);
    const silent = r.client();
    (silent.getMap('threads').get('t1') as Y.Map<unknown>).set('resolved', { by: as(chair), at: 1 });
    expectRefused(r.send(silent, chair), /logged as an event/);
    const facilitator = r.client();
    setResolved(facilitator, 't1', true, as(chair));
    expect(r.send(facilitator, chair).ok).toBe(true);
    const reopen = r.client();
    setResolved(reopen, 't1', false, as(amina)); // the one who opened it may reopen
    expect(r.send(reopen, amina).ok).toBe(true);
    const assign = r.client();
    assignThread(assign, 't1', as(chair), as(bruno));
    expect(r.send(assign, bruno).ok).toBe(true);
    const eraser = r.client();
    ((eraser.getMap('threads').get('t1') as Y.Map<unknown>).get('events') as Y.Array<unknown>).delete(0, 1);
    expectRefused(r.send(eraser, chair), /only grows/);
  });

  it('keeps checking after a refusal, against what is stored', () => {
    const guard = new ThreadsGuard(LIMITS);
    const r = room(guard);
    const first = r.client();
    createThread(first, { id: 't1', anchor: ANCHOR, by: as(amina), body: 'one' });
    expect(r.send(first, amina).ok).toBe(true);
    const forged = r.client();
    reply(forged, 't1', as(amina), 'forged');
    expectRefused(r.send(forged, bruno), /written as its writer/);
    const honest = r.client();
    reply(honest, 't1', as(bruno), 'honest');
    expect(r.send(honest, bruno).ok).toBe(true);
    const bodies = ((r.server.getMap('threads').get('t1') as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>).map((c) => c.get('body'));
    expect(bodies).toEqual(['one', 'honest']);
  });
});

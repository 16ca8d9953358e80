import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { createTextAnchor, resolveTextAnchor, type TextAnchor } from '../../shared/comments/textAnchor.ts';
import {
  assignThread,
  createThread,
  deleteComment,
  editComment,
  readThreads,
  reply,
  setResolved,
} from '../../shared/comments/threadsDoc.ts';
import { countThreads, facilitatorOverview, filterThreads } from '../../shared/comments/threadFilters.ts';
import { HeadlessEditor, connectPeers, syncPeers } from '../helpers/HeadlessEditor.ts';

const ana = { id: 'u-ana', name: 'Ana', color: '#1d4ed8' };
const ben = { id: 'u-ben', name: 'Ben', color: '#b91c1c' };

function anchorOn(editor: HeadlessEditor, words: string): TextAnchor {
  const from = editor.offsetOf(words);
  return createTextAnchor(editor.fragment, from, from + words.length)!;
}

function quoteNow(editor: HeadlessEditor, anchor: TextAnchor): string | undefined {
  const index = indexFragmentText(editor.fragment);
  const resolved = resolveTextAnchor(editor.fragment, anchor, index);
  return resolved && index.text.slice(resolved.from, resolved.to).replace(/\s+/g, ' ');
}

describe('comment anchors (relative positions with a quote fallback)', () => {
  it('follow the words while others type before, inside and after them', () => {
    const a = new HeadlessEditor();
    const b = new HeadlessEditor();
    connectPeers(a.doc, b.doc);
    a.setParagraphs('States should not harm emergency response teams.');
    const anchor = anchorOn(a, 'harm emergency response');
    b.type(0, 'All ');
    b.type(b.offsetOf('response'), 'and incident ');
    b.type(b.offsetOf(' teams'), ' '); // typed right after: outside
    expect(quoteNow(a, anchor)).toBe('harm emergency and incident response');
    expect(quoteNow(b, anchor)).toBe(quoteNow(a, anchor));
  });

  it('find the words again after their paragraph is split and merged', () => {
    const editor = new HeadlessEditor();
    editor.setParagraphs('Protect critical infrastructure from attack.');
    const anchor = anchorOn(editor, 'critical infrastructure from');
    editor.edit((tr) => tr.split(editor.posOf(editor.offsetOf('infrastructure'))));
    expect(editor.pm.childCount).toBe(2);
    expect(quoteNow(editor, anchor)).toBe('critical infrastructure from');
    editor.edit((tr, pm) => tr.join(pm.child(0).nodeSize));
    expect(quoteNow(editor, anchor)).toBe('critical infrastructure from');
  });

  it('shrink with a partial deletion and are orphaned when the words are all gone', () => {
    const editor = new HeadlessEditor();
    editor.setParagraphs('Share remedies for vulnerabilities quickly.');
    const anchor = anchorOn(editor, 'remedies for vulnerabilities');
    editor.edit((tr) => tr.delete(editor.posOf(editor.offsetOf('remedies ')), editor.posOf(editor.offsetOf('for'))));
    expect(quoteNow(editor, anchor)).toBe('for vulnerabilities');
    editor.edit((tr) => tr.delete(editor.posOf(editor.offsetOf('for')), editor.posOf(editor.offsetOf(' quickly'))));
    expect(quoteNow(editor, anchor)).toBeUndefined();
  });
});

describe('comment threads', () => {
  it('keep every reply and the last resolution when two peers act at once', () => {
    const text = new HeadlessEditor();
    text.setParagraphs('A sentence under discussion.');
    const a = new Y.Doc();
    const b = new Y.Doc();
    createThread(a, { id: 't1', anchor: anchorOn(text, 'under discussion'), by: ana, body: 'Is this accurate?', at: 1 });
    syncPeers(a, b);
    reply(a, 't1', ana, 'Adding a source.', 2);
    reply(b, 't1', ben, 'I think so.', 3);
    setResolved(b, 't1', true, ben, 4);
    assignThread(a, 't1', ben, ana, 5);
    syncPeers(a, b);
    for (const doc of [a, b]) {
      const [thread] = readThreads(doc);
      expect(thread!.comments.map((c) => c.body).sort()).toEqual(['Adding a source.', 'I think so.', 'Is this accurate?']);
      expect(thread!.resolved).toEqual({ by: ben, at: 4 });
      expect(thread!.assignee).toEqual(ben);
      expect(thread!.events.map((e) => e.type).sort()).toEqual(['assigned', 'resolved']);
      expect(thread!.lastActivity).toBe(5);
    }
    setResolved(a, 't1', false, ana, 6);
    expect(readThreads(a)[0]!.resolved).toBeNull();
    expect(readThreads(a)[0]!.events.at(-1)).toMatchObject({ type: 'reopened', by: ana, at: 6 });
  });

  it('let only the author edit or delete a comment; a deleted one leaves a placeholder', () => {
    const doc = new Y.Doc();
    const text = new HeadlessEditor();
    text.setParagraphs('Words.');
    createThread(doc, { id: 't', anchor: anchorOn(text, 'Words'), by: ana, body: 'First', at: 1, commentId: 'c1' });
    reply(doc, 't', ben, 'Second', 2, 'c2');
    expect(editComment(doc, 't', 'c1', ben, 'hijacked')).toMatchObject({ ok: false });
    expect(editComment(doc, 't', 'c1', ana, 'First, clarified', 3)).toEqual({ ok: true });
    expect(deleteComment(doc, 't', 'c2', ana)).toMatchObject({ ok: false });
    expect(deleteComment(doc, 't', 'c1', ana)).toEqual({ ok: true });
    const [thread] = readThreads(doc);
    expect(thread!.comments).toEqual([
      expect.objectContaining({ id: 'c1', deleted: true, body: '', editedAt: 3 }),
      expect.objectContaining({ id: 'c2', deleted: false, body: 'Second' }),
    ]);
  });
});

describe('thread filters and the facilitator overview', () => {
  function fixture() {
    const text = new HeadlessEditor();
    text.setParagraphs('One two three four.');
    const doc = new Y.Doc();
    const anchor = anchorOn(text, 'two');
    createThread(doc, { id: 'old', anchor, by: ana, body: 'Oldest, for @[Ben]', at: 10 });
    createThread(doc, { id: 'answered', anchor, by: ben, body: 'Question', at: 20 });
    reply(doc, 'answered', ana, `Answer for @[Benjamin](${ben.id})`, 30);
    createThread(doc, { id: 'done', anchor, by: ana, body: 'Settled', at: 40 });
    setResolved(doc, 'done', true, ben, 50);
    assignThread(doc, 'answered', ana, ben, 60);
    return readThreads(doc);
  }

  it('filters by status, assignee, mention, author and tag', () => {
    const threads = fixture();
    const ids = (list: { id: string }[]) => list.map((t) => t.id);
    expect(ids(filterThreads(threads, { status: 'open' }))).toEqual(['old', 'answered']);
    expect(ids(filterThreads(threads, { status: 'resolved' }))).toEqual(['done']);
    expect(ids(filterThreads(threads, { assignedTo: ana.id }))).toEqual(['answered']);
    expect(ids(filterThreads(threads, { mentioning: { id: 'someone-else', name: 'Ben' } }))).toEqual(['old']); // written without an id: by name
    expect(ids(filterThreads(threads, { mentioning: ben }))).toEqual(['old', 'answered']); // by name without an id, by id whatever the name
    expect(ids(filterThreads(threads, { mentioning: { id: ben.id, name: 'Renamed' } }))).toEqual(['answered']);
    expect(ids(filterThreads(threads, { author: ben.id }))).toEqual(['answered']);
    expect(ids(filterThreads(threads, { termId: 'paris-3' }, (t) => new Set(t.id === 'done' ? ['paris-3'] : [])))).toEqual(['done']);
    expect(countThreads(threads)).toEqual({ open: 2, resolved: 1, unanswered: 1 });
  });

  it('gives facilitators open threads per document and assignee, oldest first, unanswered and new', () => {
    const threads = fixture();
    const overview = facilitatorOverview(new Map([['doc-a', threads], ['doc-b', threads.slice(0, 1)]]), { since: 35, me: ana.id });
    expect(overview.open.map((r) => `${r.documentId}:${r.thread.id}`)).toEqual(['doc-a:old', 'doc-b:old', 'doc-a:answered']);
    expect(overview.openByDocument).toEqual(new Map([['doc-a', 2], ['doc-b', 1]]));
    expect(overview.openByAssignee.get('')?.count).toBe(2);
    expect(overview.openByAssignee.get(ana.id)?.count).toBe(1);
    expect(overview.unanswered.map((r) => r.thread.id)).toEqual(['old', 'old']);
    expect(overview.newSince.map((r) => r.thread.id)).toEqual(['answered', 'done']); // Ben's acts after 35
  });
});

describe('damaged thread records', () => {
  it('are left out of the threads read, without breaking the others', () => {
    const doc = new Y.Doc();
    const anchor = { start: null, end: null, quote: 'q', prefix: '', suffix: '' };
    createThread(doc, { id: 'whole', anchor, by: { id: 'm1', name: 'Amina', color: '#0e7490' }, body: 'Kept' });
    doc.transact(() => {
      const noContext = new Y.Map<unknown>();
      doc.getMap('threads').set('no-context', noContext);
      noContext.set('anchor', { start: null, end: null, quote: 'x' });
      noContext.set('comments', new Y.Array());
      const notAList = new Y.Map<unknown>();
      doc.getMap('threads').set('not-a-list', notAList);
      notAList.set('anchor', anchor);
      notAList.set('comments', 'not a list');
      doc.getMap('threads').set('not-a-map', 'just a string');
    });
    expect(readThreads(doc).map((thread) => thread.id)).toEqual(['whole']);
  });
});

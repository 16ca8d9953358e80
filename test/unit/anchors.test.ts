import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTag, createAnnotation, readAnnotations } from '../../shared/annotations/annotationDoc.ts';
import { passagesFromDocument } from '../../shared/analysis/passagesFromDocument.ts';
import { HeadlessEditor, connectPeers, syncPeers } from '../helpers/HeadlessEditor.ts';

const alice = { id: 'm-alice', name: 'Alice', color: '#1d4ed8' };
const bob = { id: 'm-bob', name: 'Bob', color: '#b91c1c' };

/** Tags the first occurrence of `quote` as a new annotation, mark and record in one transaction. */
function tag(editor: HeadlessEditor, id: string, quote: string, termIds: string[], by = alice): void {
  const from = editor.posOf(editor.offsetOf(quote));
  const to = editor.posOf(editor.offsetOf(quote) + quote.length);
  editor.doc.transact(() => {
    editor.edit((tr) => tr.addMark(from, to, editor.schema.marks.annotation!.create({ id })));
    createAnnotation(editor.doc, { id, by, quote, termIds });
  }, 'local');
}

function quoteOf(editor: HeadlessEditor, id: string): string | undefined {
  const passage = passagesFromDocument('d', editor.doc).find((p) => p.id === id);
  return passage && passage.ranges.length > 0 ? passage.quote : undefined;
}

function insertAt(editor: HeadlessEditor, offset: number, text: string): void {
  editor.type(offset, text);
}

function twoPeers(...paragraphs: string[]): [HeadlessEditor, HeadlessEditor] {
  const a = new HeadlessEditor();
  const b = new HeadlessEditor();
  connectPeers(a.doc, b.doc);
  a.setParagraphs(...paragraphs);
  return [a, b];
}

describe('annotation anchors under co-editing', () => {
  it('stay on the right words while others type before, inside and after the passage', () => {
    const [a, b] = twoPeers('States should protect the supply chain of ICT products.');
    tag(a, 'p1', 'supply chain', ['ungge-2015-i']);
    expect(quoteOf(b, 'p1')).toBe('supply chain');

    insertAt(b, b.offsetOf('supply chain') + 'supply'.length, ' and service');
    insertAt(b, 0, 'In short: ');
    insertAt(a, a.offsetOf(' of ICT'), ' (hardware and software)');
    for (const peer of [a, b]) expect(quoteOf(peer, 'p1')).toBe('supply and service chain');
    expect(a.text).toBe(b.text);
    expect(a.text).toBe('In short: States should protect the supply and service chain (hardware and software) of ICT products.');
  });

  it('converge when two peers edit around the passage while disconnected', () => {
    const a = new HeadlessEditor();
    const b = new HeadlessEditor();
    a.setParagraphs('Report vulnerabilities responsibly and share remedies.');
    tag(a, 'p1', 'vulnerabilities responsibly', ['ungge-2015-j']);
    syncPeers(a.doc, b.doc);
    insertAt(a, a.offsetOf('responsibly'), 'found ');
    insertAt(b, 0, 'Vendors: ');
    insertAt(b, b.offsetOf(' and share'), ' and quickly');
    syncPeers(a.doc, b.doc);
    expect(a.text).toBe(b.text);
    expect(quoteOf(a, 'p1')).toBe(quoteOf(b, 'p1'));
    expect(quoteOf(a, 'p1')).toBe('vulnerabilities found responsibly'); // typed at its end: outside
    expect(a.text).toBe('Vendors: Report vulnerabilities found responsibly and quickly and share remedies.');
  });

  it('survive splitting the paragraph inside the passage and merging it back', () => {
    const [a, b] = twoPeers('Protect critical infrastructure from attack.');
    tag(a, 'p1', 'critical infrastructure from', ['ungge-2015-g']);
    b.edit((tr) => tr.split(b.posOf(b.offsetOf('infrastructure'))));
    expect(a.pm.childCount).toBe(2);
    for (const peer of [a, b]) expect(quoteOf(peer, 'p1')).toBe('critical infrastructure from');
    a.edit((tr, pm) => tr.join(pm.child(0).nodeSize));
    expect(b.pm.childCount).toBe(1);
    for (const peer of [a, b]) expect(quoteOf(peer, 'p1')).toBe('critical infrastructure from');
  });

  it('shrink when part of the passage is deleted, and orphan with the last quote when all of it is', () => {
    const [a, b] = twoPeers('Do not harm emergency response teams anywhere.');
    tag(a, 'p1', 'emergency response teams', ['ungge-2015-k']);
    b.edit((tr) => tr.delete(b.posOf(b.offsetOf('emergency ')), b.posOf(b.offsetOf('response'))));
    expect(quoteOf(a, 'p1')).toBe('response teams');
    a.edit((tr) => tr.delete(a.posOf(a.offsetOf('response teams')), a.posOf(a.offsetOf(' anywhere'))));
    const orphan = passagesFromDocument('d', b.doc).find((p) => p.id === 'p1')!;
    expect(orphan.ranges).toEqual([]);
    expect(orphan.quote).toBe('emergency response teams'); // the record's quote: never silently lost
    expect(orphan.termIds).toEqual(['ungge-2015-k']);
  });

  it('let passages overlap and nest, tagged concurrently by different peers', () => {
    const a = new HeadlessEditor();
    const b = new HeadlessEditor();
    const c = new HeadlessEditor();
    connectPeers(a.doc, b.doc, c.doc);
    a.setParagraphs('Companies should not hack back, and states should curb the spread of malicious tools.');
    tag(a, 'outer', 'Companies should not hack back, and states', ['paris-8']);
    tag(b, 'inner', 'hack back', ['gcsc-8'], bob);
    tag(c, 'cross', 'states should curb', ['paris-5'], bob);
    for (const peer of [a, b, c]) {
      expect(quoteOf(peer, 'outer')).toBe('Companies should not hack back, and states');
      expect(quoteOf(peer, 'inner')).toBe('hack back');
      expect(quoteOf(peer, 'cross')).toBe('states should curb');
    }
    insertAt(b, b.offsetOf('back'), 'hack ');
    for (const peer of [a, b, c]) expect(quoteOf(peer, 'inner')).toBe('hack hack back');
  });

  it('keep concurrent tag additions from two peers on one annotation', () => {
    const [a, b] = twoPeers('Respect privacy online.');
    tag(a, 'p1', 'privacy online', ['ungge-2015-e']);
    const disconnectedA = new HeadlessEditor();
    syncPeers(a.doc, disconnectedA.doc);
    addTag(disconnectedA.doc, 'p1', 'cftw-3', alice);
    addTag(b.doc, 'p1', 'cs', bob);
    syncPeers(disconnectedA.doc, a.doc, b.doc);
    for (const doc of [a.doc, b.doc, disconnectedA.doc]) {
      expect(readAnnotations(doc).get('p1')!.tags.map((t) => t.termId).sort()).toEqual(['cftw-3', 'cs', 'ungge-2015-e']);
    }
  });

  it('come back with undo after the passage was deleted, and go again with redo', () => {
    const editor = new HeadlessEditor();
    editor.setParagraphs('Encourage responsible reporting of vulnerabilities.');
    tag(editor, 'p1', 'responsible reporting', ['ungge-2015-j']);
    const undo = new Y.UndoManager([editor.fragment], { trackedOrigins: new Set(['local']), captureTimeout: 0 });
    editor.edit((tr, pm) => tr.delete(1, pm.content.size - 1));
    expect(quoteOf(editor, 'p1')).toBeUndefined();
    undo.undo();
    expect(quoteOf(editor, 'p1')).toBe('responsible reporting');
    undo.redo();
    expect(quoteOf(editor, 'p1')).toBeUndefined();
  });
});

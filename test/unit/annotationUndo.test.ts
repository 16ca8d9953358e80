import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deleteAnnotation, readAnnotations, setQuote } from '../../shared/annotations/annotationDoc.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import { passagesFromDocument } from '../../shared/analysis/passagesFromDocument.ts';
import { QUOTE_REFRESH_ORIGIN } from '../../client/editor/annotations/QuoteRefresher.ts';
import { undoAnnotationRecords } from '../../client/editor/annotations/undoAnnotationRecords.ts';
import { HeadlessEditor, connectPeers } from '../helpers/HeadlessEditor.ts';

const alice = { id: 'm-alice', name: 'Alice', color: '#1d4ed8' };
const bob = { id: 'm-bob', name: 'Bob', color: '#b91c1c' };

/** Tags like the editor does: mark and record in one transaction with y-tiptap's origin. */
function tag(editor: HeadlessEditor, id: string, quote: string, termIds: string[], by = alice): void {
  editor.annotate(id, quote, termIds, by, ySyncPluginKey);
}

function untag(editor: HeadlessEditor, id: string): void {
  editor.doc.transact(() => {
    editor.edit((tr, pm) => tr.removeMark(0, pm.content.size, editor.schema.marks.annotation!.create({ id })));
    deleteAnnotation(editor.doc, id);
  }, ySyncPluginKey);
}

/** The editor's undo manager: y-tiptap's (text, own changes only), widened to the records. */
function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const undoManager = new Y.UndoManager(doc.getXmlFragment(TEXT_FIELD), { trackedOrigins: new Set([ySyncPluginKey]) });
  undoAnnotationRecords(undoManager, doc);
  return undoManager;
}

const passage = (editor: HeadlessEditor, id: string) => passagesFromDocument('d', editor.doc).find((p) => p.id === id);

describe('undo over text and annotation records', () => {
  it('takes back a tagging (mark and record) in one step, and only your own', () => {
    const a = new HeadlessEditor();
    const b = new HeadlessEditor();
    connectPeers(a.doc, b.doc);
    a.setParagraphs('Protect the public core of the Internet.');
    const undo = createUndoManager(a.doc);
    undo.stopCapturing();

    tag(a, 'mine', 'public core', ['paris-2']);
    tag(b, 'theirs', 'the Internet', ['gcsc-1'], bob);
    undo.stopCapturing();
    a.edit((tr, pm) => tr.insert(pm.content.size - 1, a.schema.text(' Now.')), ySyncPluginKey);

    undo.undo(); // the typing
    expect(a.text).toBe('Protect the public core of the Internet.');
    expect(passage(b, 'mine')?.quote).toBe('public core');

    undo.undo(); // the tagging: mark and record together
    for (const peer of [a, b]) {
      expect(passage(peer, 'mine')).toBeUndefined();
      expect(readAnnotations(peer.doc).has('mine')).toBe(false);
      expect(passage(peer, 'theirs')?.quote).toBe('the Internet');
    }
    expect(undo.undoStack).toHaveLength(0); // the setup paragraphs were made before the manager
    undo.redo();
    expect(passage(b, 'mine')).toMatchObject({ quote: 'public core', termIds: ['paris-2'] });
  });

  it('brings back a removed passage with its marks and every tag', () => {
    const a = new HeadlessEditor();
    a.setParagraphs('Report vulnerabilities responsibly.');
    const undo = createUndoManager(a.doc);
    tag(a, 'p1', 'vulnerabilities responsibly', ['ungge-2015-j', 'gcsc-6']);
    undo.stopCapturing();
    untag(a, 'p1');
    expect(passage(a, 'p1')).toBeUndefined();
    undo.undo();
    expect(passage(a, 'p1')).toMatchObject({ quote: 'vulnerabilities responsibly', termIds: ['gcsc-6', 'ungge-2015-j'] });
  });

  it('does not count quote refreshes as steps of their own', () => {
    const a = new HeadlessEditor();
    a.setParagraphs('Keep the supply chain intact.');
    const undo = createUndoManager(a.doc);
    tag(a, 'p1', 'supply chain', ['ungge-2015-i']);
    undo.stopCapturing();
    a.doc.transact(() => setQuote(a.doc, 'p1', 'supply and service chain'), QUOTE_REFRESH_ORIGIN);
    expect(readAnnotations(a.doc).get('p1')?.quote).toBe('supply and service chain');
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readAnnotations(a.doc).has('p1')).toBe(false);
  });
});

import { EditorState } from '@tiptap/pm/state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAnnotations } from '../../shared/annotations/annotationDoc.ts';
import { QuoteRefresher, touchedAnnotations } from '../../client/editor/annotations/QuoteRefresher.ts';
import { HeadlessEditor } from '../helpers/HeadlessEditor.ts';

const alice = { id: 'm-alice', name: 'Alice', color: '#1d4ed8' };

function tagged(): HeadlessEditor {
  const editor = new HeadlessEditor();
  editor.setParagraphs('Protect critical infrastructure from attack.', 'A second paragraph.');
  editor.annotate('p1', 'critical infrastructure', ['ungge-2015-g'], alice);
  return editor;
}

describe('touchedAnnotations', () => {
  it('names the passages whose text a change touches, at their edges too, and no others', () => {
    const editor = tagged();
    const state = EditorState.create({ doc: editor.pm });
    const inside = editor.posOf(editor.offsetOf('infrastructure'));
    expect([...touchedAnnotations(state.tr.insertText('vital ', inside))]).toEqual(['p1']);
    const rightAfter = editor.posOf(editor.offsetOf(' from'));
    expect([...touchedAnnotations(state.tr.insertText('!', rightAfter))]).toEqual(['p1']);
    const elsewhere = editor.posOf(editor.offsetOf('second'));
    expect([...touchedAnnotations(state.tr.insertText('very ', elsewhere))]).toEqual([]);
  });
});

describe('QuoteRefresher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('rewrites a touched passage’s quote once edits pause, and keeps the last quote when its text is gone', () => {
    const editor = tagged();
    const refresher = new QuoteRefresher(editor.doc, editor.fragment, 1000);
    editor.type(editor.offsetOf('infrastructure'), 'vital ');
    refresher.touched(['p1']);
    vi.advanceTimersByTime(500);
    expect(readAnnotations(editor.doc).get('p1')?.quote).toBe('critical infrastructure');
    vi.advanceTimersByTime(600);
    expect(readAnnotations(editor.doc).get('p1')?.quote).toBe('critical vital infrastructure');

    editor.edit((tr) => tr.delete(editor.posOf(editor.offsetOf('critical')), editor.posOf(editor.offsetOf(' from'))));
    refresher.touched(['p1']);
    refresher.destroy(); // flushes at once
    expect(readAnnotations(editor.doc).get('p1')?.quote).toBe('critical vital infrastructure');
  });
});

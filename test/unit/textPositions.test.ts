import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { textPositions } from '../../client/comments/textPositions.ts';
import { HeadlessEditor } from '../helpers/HeadlessEditor.ts';

function editorWith(content: unknown[]): HeadlessEditor {
  const editor = new HeadlessEditor();
  editor.edit((tr, pm) => {
    const doc = editor.schema.nodeFromJSON({ type: 'doc', content }) as PMNode;
    tr.replaceWith(0, pm.content.size, doc.content);
  });
  return editor;
}

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: 'text', text, marks } : { type: 'text', text });

const DOCUMENTS: Record<string, unknown[]> = {
  paragraphs: [p(t('First paragraph.')), p(t('Second one, ')), p(t('and a third.'))],
  'heading and formatting': [
    { type: 'heading', attrs: { level: 2 }, content: [t('Scope')] },
    p(t('States '), t('should', [{ type: 'bold' }]), t(' protect.')),
  ],
  lists: [
    p(t('Intro')),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('one'))] }, { type: 'listItem', content: [p(t('two'))] }] },
    p(t('After')),
  ],
  'empty paragraph': [p(t('Before')), { type: 'paragraph' }, p(t('After'))],
  table: [
    p(t('Above')),
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(t('Norm'))] }, { type: 'tableHeader', content: [p(t('Status'))] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('Due diligence'))] }, { type: 'tableCell', content: [p(t('agreed'))] }] },
      ],
    },
    p(t('Below')),
  ],
};

describe('plain-text offsets ↔ ProseMirror positions', () => {
  for (const [name, content] of Object.entries(DOCUMENTS)) {
    it(`agrees with indexFragmentText and the text walk: ${name}`, () => {
      const editor = editorWith(content);
      const positions = textPositions(editor.pm);
      const expected = indexFragmentText(editor.fragment).text;
      expect(positions.text).toBe(expected);
      for (let offset = 0; offset <= expected.length; offset++) {
        if (expected[offset - 1] === '\n') continue; // just after a break: the start of the next block
        const pos = positions.toPos(offset)!;
        // posOf counts a "\n" for an empty block too; where the two conventions agree, so must the positions.
        if (editor.text === expected.trimEnd()) expect(pos).toBe(editor.posOf(offset));
        if (offset < expected.length && expected[offset] !== '\n') {
          expect(editor.pm.textBetween(pos, pos + 1)).toBe(expected[offset]);
        }
        expect(positions.toOffset(pos)).toBe(offset);
      }
      // The words between two offsets are the same in both.
      const words = expected.indexOf(expected.trim().split(/\s+/).at(-1)!);
      const from = positions.toPos(words)!;
      const end = expected.trimEnd().length;
      const to = positions.toPos(end)!;
      expect(editor.pm.textBetween(from, to, '\n')).toBe(expected.slice(words, end));
    });
  }

  it('has no positions in an empty document', () => {
    const editor = editorWith([{ type: 'paragraph' }]);
    expect(textPositions(editor.pm).toPos(0)).toBeUndefined();
  });
});

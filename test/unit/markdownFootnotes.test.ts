import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../shared/editorExtensions.ts';
import { inlineText } from '../../shared/export/outline.ts';
import { htmlToContent } from '../../server/import/htmlToContent.ts';
import { markdownToHtml } from '../../server/import/markdownToHtml.ts';

const blocksOf = (markdown: string) =>
  (htmlToContent(markdownToHtml(markdown), editorSchema()).content.content ?? []).map((block) => `${block.type}: ${inlineText(block)}`);

describe('Markdown footnotes on import', () => {
  it('numbers references in order of use and lists the notes after a rule, with no literal [^…] left', () => {
    const markdown = [
      '# Findings',
      '',
      'States agree[^gge] and so do firms[^c1].',
      '',
      'Again the first[^gge], and [^missing] stays as written.',
      '',
      '[^c1]: **Ben** (2026-03-01): check the wording',
      '[^gge]: Norm: UN GGE 13(f)',
      '    continued on an indented line.',
      '[^unused]: A note nobody cites.',
    ].join('\n');
    expect(blocksOf(markdown)).toEqual([
      'heading: Findings',
      'paragraph: States agree[1] and so do firms[2].',
      'paragraph: Again the first[1], and [^missing] stays as written.',
      'horizontalRule: ',
      'orderedList: Norm: UN GGE 13(f) continued on an indented line.Ben (2026-03-01): check the wordingA note nobody cites.',
    ]);
  });

  it('leaves fenced code and footnote-free text untouched', () => {
    const plain = 'No notes here [^x] at all.';
    expect(blocksOf(plain)).toEqual(['paragraph: No notes here [^x] at all.']);
    const fenced = ['Text[^1].', '', '```', 'code [^1]', '[^1]: not a note', '```', '', '[^1]: The note.'].join('\n');
    expect(blocksOf(fenced)).toEqual(['paragraph: Text[1].', 'codeBlock: code [^1]\n[^1]: not a note\n', 'horizontalRule: ', 'orderedList: The note.']);
  });
});

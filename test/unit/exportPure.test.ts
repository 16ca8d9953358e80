import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { TEXT_FIELD, editorSchema } from '../../shared/editorExtensions.ts';
import { insertMilestones } from '../../shared/export/insertMilestones.ts';
import { csvField } from '../../shared/export/passagesCsv.ts';
import { readReportDocument } from '../../shared/export/readReportDocument.ts';
import { renderBlocksMarkdown } from '../../shared/export/renderContentMarkdown.ts';
import { safeUrl } from '../../shared/export/safeUrl.ts';
import { stableGuid } from '../../shared/export/refiQdaCodebook.ts';
import { detectImportFormat } from '../../shared/import/detectImportFormat.ts';
import { buildFixtureDocs } from '../helpers/reportFixture.ts';

const meta = { id: 'd', title: 'T', kind: 'contribution' as const, createdAt: 0, updatedAt: 0, archived: false };

function textWithMarkers(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'tagNote') return `[${String(node.attrs?.note)}]`;
  return (node.content ?? []).map(textWithMarkers).join('');
}

describe('insertMilestones', () => {
  it('places milestones at the same characters as indexFragmentText offsets, across blocks, lists and tables', () => {
    const { doc } = buildFixtureDocs();
    const snapshot = readReportDocument(editorSchema(), meta, doc);
    expect(snapshot.text).toBe(indexFragmentText(doc.getXmlFragment(TEXT_FIELD)).text);
    for (const word of ['integrity', 'Step two', 'GCSC', 'Αθήνα).']) {
      const offset = snapshot.text.indexOf(word) + word.length;
      const marked = insertMilestones(snapshot.content, [{ offset, side: 'end', node: { type: 'tagNote', attrs: { passageId: 'x', note: 7 } } }]);
      expect(textWithMarkers(marked)).toContain(`${word}[7]`);
    }
  });

  it('reads tagged passages and only open threads', () => {
    const { doc, threads } = buildFixtureDocs();
    const snapshot = readReportDocument(editorSchema(), meta, doc, threads);
    expect(snapshot.passages.map((p) => p.quote)).toEqual(['supply-chain integrity', 'hack-back']);
    expect(snapshot.threads.map((t) => t.id)).toEqual(['th1']);
    expect(snapshot.text.slice(snapshot.threads[0]!.range!.from, snapshot.threads[0]!.range!.to)).toBe('widely shared');
  });
});

describe('safe output', () => {
  it('keeps only web, mail and in-page links', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('mailto:bpf@example.org')).toBe('mailto:bpf@example.org');
    expect(safeUrl('#annex-matrix')).toBe('#annex-matrix');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeUrl('file:///etc/passwd')).toBeUndefined();
  });

  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-3)).toBe('-3');
  });

  it('escapes Markdown syntax in text and pipes in table cells', () => {
    const md = renderBlocksMarkdown(
      [
        { type: 'paragraph', content: [{ type: 'text', text: '1. not a list *nor* [a link]' }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a|b' }] }] }] }] },
      ],
      () => '',
    );
    expect(md).toBe('1\\. not a list \\*nor\\* \\[a link\\]\n\n| a\\|b |\n| --- |');
  });

  it('gives each codebook term a stable, well-formed GUID', () => {
    expect(stableGuid('term:paris-8')).toBe(stableGuid('term:paris-8'));
    expect(stableGuid('term:paris-8')).not.toBe(stableGuid('term:paris-9'));
    expect(stableGuid('term:paris-8')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });
});

describe('detectImportFormat', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('tells what a file is from its bytes, not only its name', () => {
    expect(detectImportFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]), 'a.docx')).toEqual({ ok: true, format: 'docx' });
    expect(detectImportFormat(bytes('# Title'), 'notes.md')).toMatchObject({ ok: true, format: 'markdown', text: '# Title' });
    expect(detectImportFormat(bytes('<!doctype html><p>x</p>'))).toMatchObject({ ok: true, format: 'html' });
    expect(detectImportFormat(bytes('hello'), 'a.docx')).toMatchObject({ ok: false });
    expect(detectImportFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'a.md')).toMatchObject({ ok: false, error: expect.stringMatching(/zip/) });
    expect(detectImportFormat(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'a.md')).toMatchObject({ ok: false });
    expect(detectImportFormat(new Uint8Array(), 'a.md')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(detectImportFormat(bytes('%PDF-1.7'), 'a.pdf')).toMatchObject({ ok: false, error: expect.stringMatching(/PDF/) });
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import { describe, expect, it } from 'vitest';
import type { AnnexBlock } from '../../shared/export/annexSections.ts';
import { annexTable } from '../../server/export/annexTable.ts';
import { blocksToDocx, type DocxContentContext } from '../../server/export/docxContent.ts';
import { packDocx } from '../../server/export/packDocx.ts';
import { RawXmlParts } from '../../server/export/RawXmlParts.ts';
import { sampleReport, warmExporters } from '../../server/export/warmExporters.ts';

/** The files of a zip archive, read back by Info-ZIP's unzip. */
function unzipped(bytes: Buffer): Map<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-zip-'));
  try {
    const file = path.join(dir, 'a.zip');
    fs.writeFileSync(file, bytes);
    execFileSync('unzip', ['-tq', file]);
    execFileSync('unzip', ['-q', file, '-d', path.join(dir, 'out')]);
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
    return new Map(names.map((name) => [name, fs.readFileSync(path.join(dir, 'out', name), 'utf8')]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat]) => [0, 1, 2].map((level) => ({ level, format, text: `%${level + 1}.` }));

/** The body of a document of `children`, as written by docx and packed by packDocx (hyperlink relationship ids vary). */
async function bodyXml(children: FileChild[], raw = new RawXmlParts()): Promise<string> {
  const numbering = { config: [{ reference: 'bullets', levels: levels(LevelFormat.BULLET) }, { reference: 'ordered', levels: levels(LevelFormat.DECIMAL) }] };
  const xml = unzipped(await packDocx(new Document({ numbering, sections: [{ children }] }), raw)).get('word/document.xml')!;
  return xml.replace(/r:id="[^"]*"/g, 'r:id="…"');
}

const t = (text: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

describe('the DOCX writer’s raw XML', () => {
  it('writes every combination of marks as docx’s TextRun does, in and out of links', async () => {
    const marks = ['bold', 'italic', 'strike', 'underline', 'code', 'annotation'];
    const text = 'a < b & "c" \'d\' \u0001';
    const content: JSONContent[] = [];
    for (let bits = 0; bits < 1 << marks.length; bits++) {
      const on = marks.filter((_, index) => (bits & (1 << index)) !== 0).map((type) => ({ type }));
      content.push(p(t(text, on.length > 0 ? on : undefined), t(text, [...on, { type: 'link', attrs: { href: '#x' } }]), t(text, [...on, { type: 'link', attrs: { href: 'https://example.org' } }])));
    }
    const write = (raw?: RawXmlParts) => blocksToDocx(content, { highlightTags: true, commentIds: new Map(), nextListInstance: () => 1, raw }, {});
    const raw = new RawXmlParts();
    expect(await bodyXml(write(raw), raw)).toBe(await bodyXml(write()));
  });

  it('writes paragraphs, lists, quotes, code, links, notes and comment ranges as docx components do', async () => {
    const content: JSONContent[] = [
      { type: 'heading', attrs: { level: 2 }, content: [t('A '), t('heading', [{ type: 'bold' }]), { type: 'tagNote', attrs: { note: 1 } }] },
      p(t('plain '), t('bold', [{ type: 'bold' }]), t('it', [{ type: 'italic' }]), t('s', [{ type: 'strike' }]), t('u', [{ type: 'underline' }]), t('code', [{ type: 'code' }]), t('tagged', [{ type: 'annotation', attrs: { id: 'a' } }])),
      p({ type: 'commentStart', attrs: { number: 1 } }, t('commented'), { type: 'commentEnd', attrs: { number: 1 } }, { type: 'tagNote', attrs: { note: 2 } }, { type: 'commentStart', attrs: { number: 9 } }),
      p(t('one'), { type: 'hardBreak' }, t('two & <three>')),
      p(t('inside', [{ type: 'link', attrs: { href: '#there' } }]), t(' out', [{ type: 'link', attrs: { href: 'https://example.org/?a=1&b=2' } }, { type: 'bold' }]), t(' after')),
      p(t('bad', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
      { type: 'paragraph' },
      { type: 'codeBlock', content: [t('let a = 1;\nlet b = 2;')] },
      { type: 'horizontalRule' },
      { type: 'blockquote', content: [p(t('quoted')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('in a quote'))] }] }] },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [p(t('first')), p(t('first, again')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('nested', [{ type: 'link', attrs: { href: 'https://example.org' } }]))] }, { type: 'listItem', content: [] }] }] },
          { type: 'listItem', content: [{ type: 'heading', attrs: { level: 3 }, content: [t('a heading in a list')] }] },
        ],
      },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [p(t('wide', [{ type: 'italic' }]))] }] }] },
    ];
    const write = (raw?: RawXmlParts) => {
      let instance = 0;
      const context: DocxContentContext = { highlightTags: true, commentIds: new Map([[1, 0]]), nextListInstance: () => ++instance, raw };
      return blocksToDocx(content, context, {});
    };
    const raw = new RawXmlParts();
    const ours = await bodyXml(write(raw), raw);
    expect(ours).toBe(await bodyXml(write()));
    expect(ours).toContain('<w:commentRangeStart w:id="0"/>');
    expect(ours).not.toContain('normspace-raw');
  });

  it('writes an annex table as docx’s Table, TableRow, TableCell and Paragraph do', async () => {
    const block: Extract<AnnexBlock, { type: 'table' }> = {
      type: 'table',
      header: ['Norm', 'Paris Call', 'Total'],
      rows: [
        ['Protect <critical> infrastructure', '', '3'],
        ['Total', '2', '5'],
      ],
      numeric: [false, true, true],
    };
    const cell = (text: string, column: number, header: boolean) =>
      new TableCell({
        shading: header ? { type: ShadingType.CLEAR, fill: 'E8EDF4', color: 'auto' } : undefined,
        children: [
          new Paragraph({
            style: 'AnnexCell',
            alignment: block.numeric[column] ? AlignmentType.RIGHT : undefined,
            children: [header ? new TextRun({ text, bold: true }) : new TextRun(text)],
          }),
        ],
      });
    const reference = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((text, i) => cell(text, i, true)) }),
        ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
      ],
    });
    const raw = new RawXmlParts();
    expect(await bodyXml([annexTable(block, 'AnnexCell', raw)], raw)).toBe(await bodyXml([reference]));
  });
});

describe('packDocx', () => {
  it('zips the same document to the same bytes', async () => {
    const doc = () => new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Grüße, Αθήνα')] })] }] });
    const first = await packDocx(doc(), new RawXmlParts());
    const again = await packDocx(doc(), new RawXmlParts());
    // Only the core properties (time of writing) may differ.
    const withoutTimes = (bytes: Buffer) => [...unzipped(bytes)].filter(([name]) => name !== 'docProps/core.xml');
    expect(withoutTimes(again)).toEqual(withoutTimes(first));
    expect(unzipped(first).get('word/document.xml')).toContain('Grüße, Αθήνα');
  });

  it('packs the same parts as docx’s Packer', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Hello')] })] }] });
    const ours = unzipped(await packDocx(doc, new RawXmlParts()));
    const theirs = unzipped(await Packer.toBuffer(doc));
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, text] of theirs) {
      // Core properties carry the time of writing.
      if (name !== 'docProps/core.xml') expect(ours.get(name), name).toBe(text);
    }
  });

  it('warms both writers up with a sample report that has every feature of an export', async () => {
    const report = sampleReport(10);
    expect(report.documents[0]!.passages.length).toBe(10);
    expect(report.documents[0]!.threads.length).toBeGreaterThan(0);
    expect(Object.keys(report.annexes).sort()).toEqual(['coverage', 'matrix', 'normClasses', 'passagesByNorm']);
    const { docxMs, pdfMs } = await warmExporters(10);
    expect(docxMs).toBeGreaterThan(0);
    expect(pdfMs).toBeGreaterThan(0);
  });
});

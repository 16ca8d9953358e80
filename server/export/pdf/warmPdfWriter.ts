import type { JSONContent } from '@tiptap/core';
import { ExportRequestSchema } from '../../../shared/export/ExportRequest.ts';
import type { Report } from '../../../shared/export/ReportModel.ts';
import { renderPdf } from './renderPdf.ts';

const text = (value: string, marks?: string[]): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

/** Words with every letter, digit and common sign, in each face a report uses. */
const SAMPLE = 'Quick brown foxes jump over lazy dogs; WALTZ, NYMPH, FOR QUICK JIGS VEX BUD! 0123456789 (“quoted” – ‘dash’ — ·×/…?) & Ünïcödé';

/**
 * A small report (title page, contents, heading, formatted text, list, quote, table, a note and a
 * comment thread, an annex table) laid out once and thrown away, so that the first real PDF
 * export after a start does not pay for compiling the layout code and loading the faces.
 */
export function sampleReport(): Report {
  const content: JSONContent = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text(SAMPLE)] },
      paragraph(text(SAMPLE), text(SAMPLE, ['bold']), text(SAMPLE, ['italic']), { type: 'tagNote', attrs: { note: 1, passageId: 'p' } }, text(SAMPLE, ['bold', 'italic']), text('code', ['code'])),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text(SAMPLE))] }] },
      { type: 'blockquote', content: [paragraph(text(SAMPLE), { type: 'commentEnd', attrs: { number: 1, threadId: 't' } })] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [paragraph(text(SAMPLE))] }] }, { type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(text(SAMPLE))] }] }] },
    ],
  };
  const person = { id: 'sample', name: 'Sample Person', color: '#000000' };
  return {
    title: 'Sample',
    workspaceName: 'Sample',
    generatedAt: 0,
    documents: [
      {
        id: 'sample',
        title: SAMPLE,
        kind: 'outcome-document',
        showTitle: true,
        content,
        text: '',
        passages: [{ id: 'p', documentId: 'sample', termIds: ['t'], quote: SAMPLE, ranges: [{ from: 0, to: 1 }], author: person, createdAt: 0, note: 1 }],
        threads: [{ id: 't', quote: SAMPLE, range: { from: 0, to: 1 }, createdBy: person, createdAt: 0, number: 1, comments: [{ id: 'c', author: person, body: `**${SAMPLE}** ${SAMPLE}`, createdAt: 0, deleted: false }] }],
      },
    ],
    taxonomy: { kinds: new Map(), terms: new Map() },
    annexes: { coverage: [{ id: 't', label: SAMPLE, passages: 1, documents: 1 }] },
    options: ExportRequestSchema.parse({ format: 'pdf', documents: ['sample'], titlePage: true, tableOfContents: true, comments: true, tags: 'footnotes', annexes: ['coverage'] }),
  };
}

/** Lays out the sample report once; returns how long it took (ms). */
export async function warmPdfWriter(): Promise<number> {
  const started = performance.now();
  await renderPdf(sampleReport());
  return performance.now() - started;
}

import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createAnnotation } from '../../shared/annotations/annotationDoc.ts';
import { ANNOTATION_MARK } from '../../shared/annotations/extractAnchors.ts';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { createTextAnchor } from '../../shared/comments/textAnchor.ts';
import { createThread, reply } from '../../shared/comments/threadsDoc.ts';
import { TEXT_FIELD, editorSchema } from '../../shared/editorExtensions.ts';
import { ANNEX_KINDS, ExportRequestSchema } from '../../shared/export/ExportRequest.ts';
import { buildReport } from '../../shared/export/buildReport.ts';
import { readReportDocument } from '../../shared/export/readReportDocument.ts';
import { seedTaxonomy } from '../../shared/taxonomy/seedTaxonomy.ts';
import { starterTerms } from '../../shared/taxonomy/starterTaxonomy.ts';
import { readTaxonomy } from '../../shared/taxonomy/taxonomyDoc.ts';
import type { Report } from '../../shared/export/ReportModel.ts';
import { renderPdf } from './pdf/renderPdf.ts';
import { renderDocx } from './renderDocx.ts';

const PERSON = { id: 'warm-up', name: 'Warm Up', color: '#0e7490' };
const t = (text: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text, marks } : { type: 'text', text });

/** Words with every letter, digit and common sign, so the faces' glyphs are loaded too. */
const SAMPLE = 'Quick brown foxes jump over lazy dogs; WALTZ, NYMPH, FOR QUICK JIGS VEX BUD! 0123456789 (“quoted” – ‘dash’ — ·×/…?) Grüße, Αθήνα, Київ';

/**
 * A small report with every feature an export has (title page, contents, formatted text, lists,
 * quote, table, comments with replies, tag notes, every annex), built through the same steps as a
 * real one: Yjs documents read back, report assembled.
 */
export function sampleReport(paragraphs = 120): Report {
  const norms = starterTerms.filter((term) => term.kind === 'norm').map((term) => term.id);
  const others = starterTerms.filter((term) => term.kind !== 'norm').map((term) => term.id);
  const blocks: JSONContent[] = [];
  const tagged: { id: string; quote: string; termIds: string[] }[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) blocks.push({ type: 'heading', attrs: { level: i % 40 === 0 ? 1 : 2 }, content: [t(`Section ${i / 20 + 1}`)] });
    const id = `warm-${i}`;
    const quote = `tagged words ${i}`;
    tagged.push({ id, quote, termIds: [norms[i % norms.length]!, others[i % others.length]!] });
    blocks.push({
      type: 'paragraph',
      content: [
        t(`Paragraph ${i} opens with plain words, `),
        t(quote, [{ type: ANNOTATION_MARK, attrs: { id } }]),
        t(', then some in bold', [{ type: 'bold' }]),
        t(' and a ', [{ type: 'italic' }]),
        t('link', [{ type: 'link', attrs: { href: 'https://example.org/' } }]),
        t('.'),
      ],
    });
    if (i % 10 === 9) blocks.push({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('An item')] }] }] });
  }
  blocks.push({ type: 'paragraph', content: [t(SAMPLE), t(SAMPLE, [{ type: 'bold' }]), t(SAMPLE, [{ type: 'italic' }]), t('code', [{ type: 'code' }])] });
  blocks.push({ type: 'blockquote', content: [{ type: 'paragraph', content: [t(SAMPLE)] }] });
  blocks.push({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [t('A')] }] }] }] });

  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(editorSchema(), { type: 'doc', content: blocks }, fragment);
    for (const passage of tagged) createAnnotation(doc, { ...passage, by: PERSON, at: 0 });
  });
  const threads = new Y.Doc();
  const index = indexFragmentText(fragment);
  for (let i = 0; i < paragraphs; i += 4) {
    const from = index.text.indexOf(`Paragraph ${i} `);
    const anchor = createTextAnchor(fragment, from, from + 12, index);
    if (!anchor) continue;
    createThread(threads, { id: `warm-thread-${i}`, anchor, by: PERSON, body: 'A **question**', at: 0 });
    reply(threads, `warm-thread-${i}`, PERSON, 'An answer', 0);
  }
  const taxonomyDoc = new Y.Doc();
  seedTaxonomy(taxonomyDoc);
  const options = ExportRequestSchema.parse({
    format: 'docx',
    documents: ['warm-up'],
    titlePage: true,
    tableOfContents: true,
    comments: true,
    tags: 'footnotes',
    annexes: [...ANNEX_KINDS],
  });
  const meta = { id: 'warm-up', title: 'Warm-up', kind: 'outcome-document' as const, createdAt: 0, updatedAt: 0, archived: false };
  return buildReport({ workspaceName: 'Warm-up', taxonomy: readTaxonomy(taxonomyDoc), documents: [readReportDocument(editorSchema(), meta, doc, threads)], options });
}

/**
 * Writes the sample report as DOCX and as PDF and throws both away. V8 compiles code the first
 * time it runs and optimises it once it is hot, and the PDF faces load their glyphs on first use:
 * without this, the first export after a start is the slow one (for the 100-page benchmark report,
 * DOCX 0.9 s against 0.7 s; PDF about 1 s more). Called once the server listens
 * (`WARM_EXPORTS`); about half a second of one core. Returns how long each took (ms).
 */
export async function warmExporters(paragraphs = 120): Promise<{ docxMs: number; pdfMs: number }> {
  const report = sampleReport(paragraphs);
  let started = performance.now();
  await renderDocx(report);
  const docxMs = performance.now() - started;
  started = performance.now();
  await renderPdf({ ...report, options: { ...report.options, format: 'pdf' } });
  return { docxMs, pdfMs: performance.now() - started };
}

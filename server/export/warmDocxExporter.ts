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
import { renderDocx } from './renderDocx.ts';

const PERSON = { id: 'warm-up', name: 'Warm Up', color: '#0e7490' };
const t = (text: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text, marks } : { type: 'text', text });

/**
 * Writes a small report with every DOCX feature on (title page, contents, comments with replies,
 * tag footnotes, every annex) and throws it away, through the same steps as an export: reading
 * the Yjs documents, building the report, writing and zipping the DOCX. V8 compiles code the
 * first time it runs and optimises it once it is hot: without this, the first export of the
 * 100-page benchmark report after a start took about 0.2 s longer (0.9 s against 0.7 s). Call it
 * once the server listens; it takes 0.2–0.3 s of one core. Returns how long it took (ms).
 */
export async function warmDocxExporter(paragraphs = 120): Promise<number> {
  const started = performance.now();
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
  const snapshot = readReportDocument(editorSchema(), meta, doc, threads);
  await renderDocx(buildReport({ workspaceName: 'Warm-up', taxonomy: readTaxonomy(taxonomyDoc), documents: [snapshot], options }));
  return performance.now() - started;
}

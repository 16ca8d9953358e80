import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAnnotations } from '../../shared/annotations/annotationDoc.ts';
import { TEXT_FIELD, editorSchema } from '../../shared/editorExtensions.ts';
import { ImportRefused } from '../../shared/import/importLimits.ts';
import { contentDepth, htmlNestingDepth, markdownNestingDepth } from '../../shared/import/markupNesting.ts';
import { boundMarkdownEmphasis } from '../../server/import/boundMarkdownEmphasis.ts';
import { contentToUpdates } from '../../server/import/contentToUpdates.ts';
import { DamagedFileError } from '../../server/import/docxToHtml.ts';
import { htmlToContent } from '../../server/import/htmlToContent.ts';
import { markdownToHtml } from '../../server/import/markdownToHtml.ts';
import { unpackDocx } from '../../server/import/unpackDocx.ts';
import { docxBomb, docxLyingAboutSize, docxWith, documentXml } from '../helpers/importBombs.ts';

const LIMITS = { maxUnzippedBytes: 32 * 1024 * 1024, maxZipEntries: 1000, maxCompressionRatio: 100 };

function refusal(run: () => unknown): ImportRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRefused) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('unpackDocx', () => {
  it('passes a Word file through: the XML parts as they were, binary parts empty, stored uncompressed', () => {
    const original = zipSync({ 'word/document.xml': strToU8(documentXml(['Hello.'])), 'word/media/image1.png': new Uint8Array(5000).fill(7), '[Content_Types].xml': strToU8('<Types/>') });
    const unpacked = unpackDocx(original, LIMITS);
    const files = unzipSync(unpacked);
    expect(new TextDecoder().decode(files['word/document.xml'])).toBe(documentXml(['Hello.']));
    expect(files['word/media/image1.png']!.byteLength).toBe(0);
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/image1.png']);
  });

  it('refuses too many entries, too many declared bytes and too high a ratio from the zip directory alone', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`word/part${i}.xml`, strToU8('<a/>')])));
    expect(refusal(() => unpackDocx(many, { ...LIMITS, maxZipEntries: 20 })).message).toMatch(/holds 30 files; at most 20 can be imported/);
    const text = docxWith(documentXml(Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} ${Math.random()}`)));
    const tooLarge = refusal(() => unpackDocx(text, { ...LIMITS, maxUnzippedBytes: 20_000 }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.message).toMatch(/unpack to more than 20 KB \(images not counted\)/);
    expect(refusal(() => unpackDocx(docxBomb(), LIMITS)).message).toMatch(/word\/document\.xml unpacks from \d+ KB to 20 MB, more than 100 times/);
  });

  it('stops inflating at the declared size when the directory lies, and at the limit in all', () => {
    expect(refusal(() => unpackDocx(docxLyingAboutSize(500_000), LIMITS)).message).toMatch(/unpacks to more than the 488 KB its zip directory declares/);
    // Declared below the ratio check and below the limit, inflating far past both.
    expect(refusal(() => unpackDocx(docxLyingAboutSize(1000), { ...LIMITS, maxUnzippedBytes: 2000 })).message).toMatch(/more than the 1 KB its zip directory declares/);
  });

  it('calls what is not a zip, or a broken one, damaged', () => {
    expect(() => unpackDocx(new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(200).fill(7)]), LIMITS)).toThrow(DamagedFileError);
    const cut = docxWith(documentXml(['Hello.']));
    expect(() => unpackDocx(cut.subarray(0, cut.byteLength - 30), LIMITS)).toThrow(DamagedFileError);
  });
});

describe('nesting checks', () => {
  it('reads HTML depth as a browser would build it, without a DOM', () => {
    expect(htmlNestingDepth('<p>a<p>b<p>c')).toBe(1);
    expect(htmlNestingDepth('<ul><li>a<li>b<li><ul><li>c</ul></ul>')).toBe(4);
    expect(htmlNestingDepth('<table><tr><td>a<td>b<tr><td>c</table>')).toBe(3);
    expect(htmlNestingDepth('<div><br><img src=x><hr/><span/></div>')).toBe(1);
    expect(htmlNestingDepth('<script>if (a<b) { "<div><div><div>" }</script><p>x</p>')).toBe(1);
    expect(htmlNestingDepth('<p title="a > b"><b>x</b></p>')).toBe(2);
    expect(htmlNestingDepth('<div>'.repeat(5000), 64)).toBeGreaterThan(64);
  });

  it('bounds Markdown depth from each line’s quote and list markers and indentation, code aside', () => {
    expect(markdownNestingDepth('# Title\n\nText\n')).toBe(0);
    expect(markdownNestingDepth('> > quote\n')).toBe(2);
    expect(markdownNestingDepth('- a\n  - b\n    - c\n')).toBe(3);
    expect(markdownNestingDepth('- - - 1. deep\n')).toBe(4);
    expect(markdownNestingDepth('```\n> > > > > >\n```\n')).toBe(0);
    expect(markdownNestingDepth('> '.repeat(5000), 64)).toBeGreaterThan(64);
  });

  it('measures the content made', () => {
    expect(contentDepth({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] })).toBe(3);
  });
});

describe('boundMarkdownEmphasis', () => {
  it('leaves ordinary paragraphs alone', () => {
    const text = '# Title\n\nSome *emphasis* and __strong__ words.\n';
    expect(boundMarkdownEmphasis(text, 10)).toEqual({ markdown: text, escaped: 0 });
  });

  it('escapes every delimiter of a paragraph over the limit, keeping code, bullets and rules, and only that paragraph', () => {
    const crowded = '* item with *a* _b_ *c* and `snake_case_name` and __d__';
    const { markdown, escaped } = boundMarkdownEmphasis(`Intro *kept*.\n\n${crowded}\n\n***\n`, 10);
    expect(escaped).toBe(1);
    expect(markdown).toBe('Intro *kept*.\n\n* item with \\*a\\* \\_b\\_ \\*c\\* and `snake_case_name` and \\_\\_d\\_\\_\n\n***\n');
    const html = markdownToHtml(markdown);
    expect(html).toContain('<em>kept</em>');
    expect(html).toContain('<li>item with *a* _b_ *c* and <code>snake_case_name</code> and __d__</li>');
    expect(html).toContain('<hr>');
  });

  it('makes "_a" × 100,000 quick and keeps its text', () => {
    const started = performance.now();
    const { markdown } = boundMarkdownEmphasis('_a'.repeat(100_000), 500);
    const content = htmlToContent(markdownToHtml(markdown), editorSchema()).content;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(content.content?.[0]?.content?.[0]?.text).toBe('_a'.repeat(100_000));
  });
});

describe('contentToUpdates', () => {
  it('writes long content in chunks that apply in order to the same document one conversion gives, then the tags', () => {
    const schema = editorSchema();
    const blocks = Array.from({ length: 300 }, (_, i) =>
      i % 50 === 0
        ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${i}` }] }
        : { type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i} with ` }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'text', text: ' words.' }] },
    );
    const json = { type: 'doc', content: [...blocks, { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'last' }] }] }] }] };
    const by = { id: 'm1', name: 'Esi Editor', color: '#4b5563' };
    const updates = contentToUpdates(ProseMirrorNode.fromJSON(schema, json), [{ id: 'a1', termIds: ['paris-call'], quote: 'bold' }], by, 1000, 2000);
    expect(updates.length).toBeGreaterThan(5);
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    const reference = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, json, reference.getXmlFragment(TEXT_FIELD));
    expect(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(TEXT_FIELD))).toEqual(yXmlFragmentToProsemirrorJSON(reference.getXmlFragment(TEXT_FIELD)));
    expect(readAnnotations(doc).get('a1')?.tags.map((tag) => [tag.termId, tag.by])).toEqual([['paris-call', by]]);
    // An ordinary file is one update.
    expect(contentToUpdates(ProseMirrorNode.fromJSON(schema, { type: 'doc', content: blocks.slice(0, 20) }), [], by, 0)).toHaveLength(1);
  });
});

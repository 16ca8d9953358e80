import { strToU8, zipSync } from 'fflate';

/** The parts every Word file has around its text. */
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A Word document body of `paragraphs` (WordprocessingML), with one heading first when `heading` is given. */
export function documentXml(paragraphs: string[], heading?: string): string {
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const body = [
    ...(heading ? [`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(heading)}</w:p>`] : []),
    ...paragraphs.map((text) => `<w:p>${run(text)}</w:p>`),
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** A .docx holding `xml` as its word/document.xml, packed at the highest compression. */
export function docxWith(xml: string): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(xml) }, { level: 9 });
}

/** The security pass's DOCX bomb: under 100 KB whose word/document.xml inflates to 20 MB of one repeated paragraph. */
export function docxBomb(inflatedBytes = 20 * 1024 * 1024): Uint8Array {
  const paragraph = `<w:p><w:r><w:t>${'a'.repeat(200)}</w:t></w:r></w:p>`;
  return docxWith(documentXml([]).replace('<w:body></w:body>', `<w:body>${paragraph.repeat(Math.ceil(inflatedBytes / paragraph.length))}</w:body>`));
}

/**
 * A zip whose directory says word/document.xml unpacks to `declaredBytes` while it inflates to
 * far more (the sizes are patched in the central directory): a reader that trusts the declared
 * size is fooled.
 */
export function docxLyingAboutSize(declaredBytes: number, inflatedBytes = 20 * 1024 * 1024): Uint8Array {
  const zip = docxBomb(inflatedBytes);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = strToU8('word/document.xml');
  for (let at = 0; at + 46 < zip.byteLength; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (nameLength === name.length && name.every((byte, i) => zip[at + 46 + i] === byte)) view.setUint32(at + 24, declaredBytes, true);
  }
  return zip;
}

/** A plain, legitimate HTML page of about `characters` characters: paragraphs with some emphasis and a link. */
export function longHtml(characters: number): string {
  const paragraph = (i: number) => `<p>Paragraph ${i} of a long contribution, with <b>bold</b> and <i>italic</i> words and a <a href="https://example.org/${i}">link</a>.</p>\n`;
  const parts: string[] = ['<!doctype html><html><body><h1>A long contribution</h1>\n'];
  let length = parts[0]!.length;
  for (let i = 1; length < characters; i++) {
    parts.push(paragraph(i));
    length += parts.at(-1)!.length;
  }
  parts.push('</body></html>\n');
  return parts.join('');
}

/** The security pass's bombs and this repository's nesting cases, by name: file name and content. */
export function importBombs(): { name: string; fileName: string; body: Uint8Array | string }[] {
  return [
    { name: 'DOCX whose document.xml inflates to 20 MB', fileName: 'bomb.docx', body: docxBomb() },
    { name: 'DOCX lying about its size', fileName: 'liar.docx', body: docxLyingAboutSize(900 * 1024) },
    { name: 'HTML of 19 MB', fileName: 'huge.html', body: longHtml(19 * 1024 * 1024) },
    { name: 'HTML of 4 MB', fileName: 'big.html', body: longHtml(4 * 1024 * 1024) },
    { name: 'Markdown "_a" × 100,000', fileName: 'emphasis.md', body: '_a'.repeat(100_000) },
    { name: 'HTML nested 5,000 deep', fileName: 'nested.html', body: `<html><body>${'<blockquote>'.repeat(5000)}deep${'</blockquote>'.repeat(5000)}</body></html>` },
    { name: 'Markdown nested 5,000 deep', fileName: 'nested.md', body: `${'> '.repeat(5000)}deep\n` },
  ];
}

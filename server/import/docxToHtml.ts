import mammoth from 'mammoth';

/** Word's quotation and code paragraph styles, which mammoth does not map by default. */
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Code'] => pre:separator('\\n')",
];

export class DamagedFileError extends Error {}

/**
 * Converts a Word document to HTML with mammoth: headings from Word's heading styles, lists,
 * tables, links, bold, italic and strikethrough; images are left out (the editor has none).
 */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; warnings: string[] }> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true, styleMap: STYLE_MAP },
    );
    const warnings = result.messages.filter((message) => message.type === 'warning').map((message) => message.message);
    return { html: result.value, warnings };
  } catch (error) {
    throw new DamagedFileError(`This Word document could not be read: it may be damaged (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}).`);
  }
}

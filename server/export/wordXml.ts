/**
 * WordprocessingML elements written as text, byte for byte as docx writes the same elements (the
 * DOCX writer's tests compare the two), for the pieces `RawXmlParts` splices into a document.
 */
// Text and attribute values are escaped as docx escapes them, except that characters XML 1.0 cannot carry
// (which docx keeps, making the file unreadable) are left out.
import { escapeXml } from '../../shared/export/escapeXml.ts';

/** The run formatting the DOCX writer uses. */
export interface RunFormat {
  /** Character style id (Hyperlink). */
  style?: string;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  underline?: boolean;
  /** Background fill, hex without '#'. */
  shading?: string;
  /** A line break before the text. */
  breakBefore?: boolean;
}

/** A text run. */
export function runXml(text: string, format: RunFormat = {}): string {
  let properties = '';
  if (format.style) properties += `<w:rStyle w:val="${escapeXml(format.style)}"/>`;
  if (format.font) {
    const font = escapeXml(format.font);
    properties += `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  }
  if (format.bold) properties += '<w:b/><w:bCs/>';
  if (format.italics) properties += '<w:i/><w:iCs/>';
  if (format.strike) properties += '<w:strike/>';
  if (format.underline) properties += '<w:u w:val="single"/>';
  if (format.shading) properties += `<w:shd w:fill="${escapeXml(format.shading)}" w:color="auto" w:val="clear"/>`;
  return `<w:r>${properties && `<w:rPr>${properties}</w:rPr>`}${format.breakBefore ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export const LINE_BREAK_RUN = '<w:r><w:br/></w:r>';

export const footnoteReferenceXml = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
export const commentStartXml = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
/** The end of a comment's range and the run that refers to the comment, as Word places them. */
export const commentEndXml = (id: number) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
export const internalLinkXml = (anchor: string, runs: string) => `<w:hyperlink w:history="1" w:anchor="${escapeXml(anchor)}">${runs}</w:hyperlink>`;

/** Paragraph properties: a paragraph style, right alignment, a left indent (twips). */
export interface ParagraphFormat {
  style?: string;
  right?: boolean;
  indentLeft?: number;
}

/** A paragraph of `content` (runs and the like, as XML). */
export function paragraphXml(format: ParagraphFormat, content: string): string {
  let properties = '';
  if (format.style) properties += `<w:pStyle w:val="${escapeXml(format.style)}"/>`;
  if (format.indentLeft !== undefined) properties += `<w:ind w:left="${format.indentLeft}"/>`;
  if (format.right) properties += '<w:jc w:val="right"/>';
  const body = (properties && `<w:pPr>${properties}</w:pPr>`) + content;
  return body ? `<w:p>${body}</w:p>` : '<w:p/>';
}

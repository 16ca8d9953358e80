import type { JSONContent } from '@tiptap/core';
import { ExternalHyperlink } from 'docx';
import { safeUrl } from '../../shared/export/safeUrl.ts';
import type { DocxContentContext } from './docxContent.ts';
import type { RawXmlParts } from './RawXmlParts.ts';
import { LINE_BREAK_RUN, commentEndXml, commentStartXml, footnoteReferenceXml, internalLinkXml, runXml, type RunFormat } from './wordXml.ts';

const HIGHLIGHT = 'FFF3C4';

/** The Word formatting of a text node's marks. */
export function runFormat(node: JSONContent, context: DocxContentContext): RunFormat {
  const marks = new Set((node.marks ?? []).map((mark) => mark.type));
  return {
    bold: marks.has('bold'),
    italics: marks.has('italic'),
    strike: marks.has('strike'),
    underline: marks.has('underline'),
    font: marks.has('code') ? 'Courier New' : undefined,
    shading: context.highlightTags && marks.has('annotation') ? HIGHLIGHT : undefined,
  };
}

/** A link's run: the Hyperlink character style, bold and italics kept. */
export function linkFormat(node: JSONContent): RunFormat {
  return { style: 'Hyperlink', bold: node.marks?.some((mark) => mark.type === 'bold'), italics: node.marks?.some((mark) => mark.type === 'italic') };
}

/**
 * Inline editor content as raw XML, as `inlineRuns` writes it with docx components: runs, links,
 * note references and comment ranges. A link to another address needs a relationship that docx
 * adds as it writes the paragraph, so it stays a docx component, between the pieces of XML.
 */
export function inlineXml(nodes: JSONContent[] | undefined, context: DocxContentContext, raw: RawXmlParts): (string | ExternalHyperlink)[] {
  const parts: (string | ExternalHyperlink)[] = [];
  let xml = '';
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text': {
        const link = node.marks?.find((mark) => mark.type === 'link');
        const href = link ? safeUrl(link.attrs?.href) : undefined;
        if (href?.startsWith('#')) xml += internalLinkXml(href.slice(1), runXml(node.text ?? '', runFormat(node, context)));
        else if (href) {
          if (xml) parts.push(xml);
          xml = '';
          parts.push(new ExternalHyperlink({ link: href, children: [raw.inline(runXml(node.text ?? '', linkFormat(node)))] }));
        } else xml += runXml(node.text ?? '', runFormat(node, context));
        break;
      }
      case 'hardBreak':
        xml += LINE_BREAK_RUN;
        break;
      case 'tagNote':
        xml += footnoteReferenceXml(Number(node.attrs?.note));
        break;
      case 'commentStart': {
        const id = context.commentIds.get(Number(node.attrs?.number));
        if (id !== undefined) xml += commentStartXml(id);
        break;
      }
      case 'commentEnd': {
        const id = context.commentIds.get(Number(node.attrs?.number));
        if (id !== undefined) xml += commentEndXml(id);
        break;
      }
    }
  }
  if (xml) parts.push(xml);
  return parts;
}

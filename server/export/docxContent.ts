import type { JSONContent } from '@tiptap/core';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { safeUrl } from '../../shared/export/safeUrl.ts';
import { inlineXml, linkFormat, runFormat } from './inlineXml.ts';
import type { RawXmlParts } from './RawXmlParts.ts';
import { paragraphXml, runXml, type RunFormat } from './wordXml.ts';

/** What turning editor content into Word paragraphs needs from the report being written. */
export interface DocxContentContext {
  /** Highlight tagged words (when tags are shown as notes). */
  highlightTags: boolean;
  /** Word comment id of each report comment number. */
  commentIds: Map<number, number>;
  /** Ordered lists restart their numbering: one numbering instance per list. */
  nextListInstance: () => number;
  /**
   * Where plain paragraphs (not headings, not in tables) go as raw XML, which costs a fraction of
   * docx components in a long report; without it, every paragraph is a docx component.
   */
  raw?: RawXmlParts;
}

interface BlockStyle {
  /** Paragraph style id (Quote, Code) for everything inside. */
  style?: string;
  /** List nesting: level and the numbering of the list item the next paragraph opens. */
  list?: { level: number; reference: string; instance: number; first: boolean };
}

export const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

function textRun(text: string, format: RunFormat): TextRun {
  return new TextRun({
    text,
    style: format.style,
    bold: format.bold || undefined,
    italics: format.italics || undefined,
    strike: format.strike || undefined,
    underline: format.underline ? {} : undefined,
    font: format.font,
    shading: format.shading ? { type: ShadingType.CLEAR, fill: format.shading, color: 'auto' } : undefined,
  });
}

/** Inline editor content as Word runs: links, notes and comment ranges included. */
export function inlineRuns(nodes: JSONContent[] | undefined, context: DocxContentContext): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text': {
        const link = node.marks?.find((mark) => mark.type === 'link');
        const href = link ? safeUrl(link.attrs?.href) : undefined;
        const run = textRun(node.text ?? '', runFormat(node, context));
        if (href?.startsWith('#')) runs.push(new InternalHyperlink({ anchor: href.slice(1), children: [run] }));
        else if (href) runs.push(new ExternalHyperlink({ link: href, children: [textRun(node.text ?? '', linkFormat(node))] }));
        else runs.push(run);
        break;
      }
      case 'hardBreak':
        runs.push(new TextRun({ break: 1 }));
        break;
      case 'tagNote':
        runs.push(new FootnoteReferenceRun(Number(node.attrs?.note)));
        break;
      case 'commentStart': {
        const id = context.commentIds.get(Number(node.attrs?.number));
        if (id !== undefined) runs.push(new CommentRangeStart(id));
        break;
      }
      case 'commentEnd': {
        const id = context.commentIds.get(Number(node.attrs?.number));
        if (id !== undefined) runs.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
        break;
      }
    }
  }
  return runs;
}

/** A paragraph: as raw XML when it can be, else as a docx component (headings, list numbering, links to addresses). */
function paragraph(nodes: JSONContent[] | undefined, context: DocxContentContext, style: BlockStyle, heading?: (typeof HEADINGS)[number]): FileChild {
  const list = style.list;
  const numbering = list?.first ? { reference: list.reference, level: list.level, instance: list.instance } : undefined;
  if (list) list.first = false;
  const indentLeft = list && !numbering ? 720 * (list.level + 1) : undefined;
  const raw = heading ? undefined : context.raw;
  if (!raw) return new Paragraph({ children: inlineRuns(nodes, context), style: heading ? undefined : style.style, heading, numbering, indent: indentLeft === undefined ? undefined : { left: indentLeft } });
  const parts = inlineXml(nodes, context, raw);
  if (!numbering && parts.every((part) => typeof part === 'string')) return raw.block(paragraphXml({ style: style.style, indentLeft }, parts.join('')));
  return new Paragraph({
    children: parts.map((part) => (typeof part === 'string' ? raw.inline(part) : part)),
    style: style.style,
    numbering,
    indent: indentLeft === undefined ? undefined : { left: indentLeft },
  });
}

function tableCell(cell: JSONContent, context: DocxContentContext): TableCell {
  const children = blocksToDocx(cell.content, { ...context, raw: undefined }, {}).filter((child): child is Paragraph | Table => child instanceof Paragraph || child instanceof Table);
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    columnSpan: Number(cell.attrs?.colspan ?? 1) > 1 ? Number(cell.attrs?.colspan) : undefined,
    rowSpan: Number(cell.attrs?.rowspan ?? 1) > 1 ? Number(cell.attrs?.rowspan) : undefined,
    shading: cell.type === 'tableHeader' ? { type: ShadingType.CLEAR, fill: 'E8EDF4', color: 'auto' } : undefined,
  });
}

function table(node: JSONContent, context: DocxContentContext): Table {
  const rows = (node.content ?? []).map(
    (row, index) =>
      new TableRow({
        tableHeader: index === 0 && (row.content ?? []).every((cell) => cell.type === 'tableHeader') ? true : undefined,
        cantSplit: true,
        children: (row.content ?? []).map((cell) => tableCell(cell, context)),
      }),
  );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/**
 * Editor blocks as Word paragraphs and tables: headings as Word heading styles (so a table of
 * contents works), lists on numbering definitions `bullets` and `ordered`, blockquotes in the
 * Quote style, code in the Code style, tables with a repeating header row.
 */
export function blocksToDocx(nodes: JSONContent[] | undefined, context: DocxContentContext, style: BlockStyle): FileChild[] {
  const out: FileChild[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph':
        out.push(paragraph(node.content, context, style));
        break;
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)));
        out.push(paragraph(node.content, context, style, HEADINGS[level - 1]));
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const ordered = node.type === 'orderedList';
        const level = style.list ? style.list.level + 1 : 0;
        const instance = ordered ? context.nextListInstance() : 0;
        for (const item of node.content ?? []) {
          const list = { level, reference: ordered ? 'ordered' : 'bullets', instance, first: true };
          out.push(...blocksToDocx(item.content, context, { ...style, list }));
          if (list.first) out.push(paragraph([], context, { ...style, list }));
        }
        break;
      }
      case 'blockquote':
        out.push(...blocksToDocx(node.content, context, { ...style, style: 'Quote' }));
        break;
      case 'codeBlock': {
        const lines = (node.content ?? []).map((child) => child.text ?? '').join('').split('\n');
        if (context.raw) out.push(context.raw.block(paragraphXml({ style: 'Code' }, lines.map((line, i) => runXml(line, { breakBefore: i > 0 })).join(''))));
        else out.push(new Paragraph({ style: 'Code', children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })) }));
        break;
      }
      case 'horizontalRule':
        out.push(new Paragraph({ thematicBreak: true }));
        break;
      case 'table':
        out.push(table(node, context));
        break;
    }
  }
  return out;
}

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

/** What turning editor content into Word paragraphs needs from the report being written. */
export interface DocxContentContext {
  /** Highlight tagged words (when tags are shown as notes). */
  highlightTags: boolean;
  /** Word comment id of each report comment number. */
  commentIds: Map<number, number>;
  /** Ordered lists restart their numbering: one numbering instance per list. */
  nextListInstance: () => number;
}

interface BlockStyle {
  /** Paragraph style id (Quote, Code) for everything inside. */
  style?: string;
  /** List nesting: level and the numbering of the list item the next paragraph opens. */
  list?: { level: number; reference: string; instance: number; first: boolean };
}

export const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

function textRun(node: JSONContent, context: DocxContentContext): TextRun {
  const has = (type: string) => (node.marks ?? []).some((mark) => mark.type === type);
  const highlighted = context.highlightTags && has('annotation');
  return new TextRun({
    text: node.text ?? '',
    bold: has('bold') || undefined,
    italics: has('italic') || undefined,
    strike: has('strike') || undefined,
    underline: has('underline') ? {} : undefined,
    font: has('code') ? 'Courier New' : undefined,
    shading: highlighted ? { type: ShadingType.CLEAR, fill: 'FFF3C4', color: 'auto' } : undefined,
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
        const run = textRun(node, context);
        if (href?.startsWith('#')) runs.push(new InternalHyperlink({ anchor: href.slice(1), children: [run] }));
        else if (href) {
          const styled = new TextRun({ text: node.text ?? '', style: 'Hyperlink', bold: node.marks?.some((m) => m.type === 'bold') || undefined, italics: node.marks?.some((m) => m.type === 'italic') || undefined });
          runs.push(new ExternalHyperlink({ link: href, children: [styled] }));
        } else runs.push(run);
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

function paragraph(children: ParagraphChild[], style: BlockStyle, extra: { heading?: (typeof HEADINGS)[number] } = {}): Paragraph {
  const list = style.list;
  const numbering = list?.first ? { reference: list.reference, level: list.level, instance: list.instance } : undefined;
  if (list) list.first = false;
  return new Paragraph({
    children,
    style: extra.heading ? undefined : style.style,
    heading: extra.heading,
    numbering,
    indent: list && !numbering ? { left: 720 * (list.level + 1) } : undefined,
  });
}

function tableCell(cell: JSONContent, context: DocxContentContext): TableCell {
  const children = blocksToDocx(cell.content, context, {}).filter((child): child is Paragraph | Table => child instanceof Paragraph || child instanceof Table);
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
        out.push(paragraph(inlineRuns(node.content, context), style));
        break;
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)));
        out.push(paragraph(inlineRuns(node.content, context), style, { heading: HEADINGS[level - 1] }));
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
          if (list.first) out.push(paragraph([], { ...style, list }));
        }
        break;
      }
      case 'blockquote':
        out.push(...blocksToDocx(node.content, context, { ...style, style: 'Quote' }));
        break;
      case 'codeBlock': {
        const lines = (node.content ?? []).map((child) => child.text ?? '').join('').split('\n');
        out.push(new Paragraph({ style: 'Code', children: lines.flatMap((line, i) => [new TextRun({ text: line, break: i > 0 ? 1 : undefined })]) }));
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

import type { JSONContent } from '@tiptap/core';
import { inlineRuns, runsText } from '../../../shared/export/inlineRuns.ts';
import { headingAnchor } from '../../../shared/export/outline.ts';
import { breakLongWords } from './breakLongWords.ts';
import type { PdfFlow, RunStyle } from './PdfFlow.ts';
import { THEME } from './pdfTheme.ts';
import { writeTable } from './writeTable.ts';

/** Where nested blocks are set: a column inside the text column, and what kind of block holds them. */
interface Frame {
  x: number;
  width: number;
  inList: boolean;
  inQuote: boolean;
  listDepth: number;
  highlightTags: boolean;
}

function textStyle(frame: Frame): RunStyle {
  return {
    family: 'serif',
    size: THEME.text.size,
    lineGap: THEME.text.lineGap,
    gap: frame.inList ? 3 : THEME.text.gap,
    color: frame.inQuote ? '#333333' : THEME.text.color,
    italic: frame.inQuote,
    x: frame.x,
    width: frame.width,
    highlightTags: frame.highlightTags,
  };
}

/** A cell's blocks as plain text, one line per block. */
function cellText(cell: JSONContent): string {
  const lines: string[] = [];
  const walk = (nodes: JSONContent[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') lines.push(runsText(inlineRuns(node.content).filter((run) => !run.ref)));
      else walk(node.content);
    }
  };
  walk(cell.content);
  return lines.join('\n');
}

function writeList(flow: PdfFlow, list: JSONContent, frame: Frame): void {
  const { doc } = flow;
  const ordered = list.type === 'orderedList';
  let number = Number.isInteger(Number(list.attrs?.start)) ? Number(list.attrs?.start) : 1;
  const inner: Frame = { ...frame, x: frame.x + THEME.listIndent, width: frame.width - THEME.listIndent, inList: true, listDepth: frame.listDepth + 1 };
  const style = textStyle(inner);
  flow.group('L', () => {
    for (const item of list.content ?? []) {
      const label = ordered ? `${number++}.` : frame.listDepth % 2 === 0 ? '•' : '–';
      flow.ensureSpace(flow.lineHeight(style));
      const top = doc.y;
      flow.group('LI', () => {
        flow.tag('Lbl', () => {
          doc.font('serif').fontSize(style.size).fillColor(style.color);
          doc.text(label, frame.x, top, { width: THEME.listIndent - 4, align: ordered ? 'right' : 'left', lineBreak: false });
        });
        doc.y = top;
        flow.group('LBody', () => writeBlocks(flow, item.content, null, inner));
      });
    }
  });
  if (!frame.inList) flow.space(THEME.text.gap - 3);
}

function writeQuote(flow: PdfFlow, quote: JSONContent, frame: Frame): void {
  const { doc } = flow;
  const inner: Frame = { ...frame, x: frame.x + THEME.quoteIndent, width: frame.width - THEME.quoteIndent, inQuote: true };
  flow.ensureSpace(flow.lineHeight(textStyle(inner)));
  const top = doc.y;
  const page = flow.pageIndex;
  flow.group('BlockQuote', () => writeBlocks(flow, quote.content, null, inner));
  const bottom = doc.y - THEME.text.gap + 2;
  const from = flow.pageIndex === page ? top : doc.page.margins.top;
  flow.artifact(() => doc.lineWidth(2).moveTo(frame.x + 3, from).lineTo(frame.x + 3, Math.max(from, bottom)).stroke(THEME.rule));
}

function writeCode(flow: PdfFlow, code: JSONContent, frame: Frame): void {
  const { doc } = flow;
  const text = breakLongWords(runsText(inlineRuns(code.content).filter((run) => !run.ref)));
  const size = THEME.text.size * 0.85;
  doc.font('mono').fontSize(size);
  const height = doc.heightOfString(text || ' ', { width: frame.width - 16, lineGap: 1.5 }) + 12;
  flow.ensureSpace(Math.min(height, flow.bottom - doc.page.margins.top));
  const top = doc.y;
  flow.artifact(() => doc.rect(frame.x, top, frame.width, height).fill(THEME.codeFill));
  flow.tag('Code', () => doc.font('mono').fontSize(size).fillColor(THEME.text.color).text(text || ' ', frame.x + 8, top + 6, { width: frame.width - 16, lineGap: 1.5 }));
  doc.x = flow.left;
  flow.space(6 + THEME.text.gap);
}

function writeBlocks(flow: PdfFlow, nodes: JSONContent[] | undefined, documentIndex: number | null, frame: Frame): void {
  let headingIndex = 0;
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph':
        flow.runs(inlineRuns(node.content), textStyle(frame));
        break;
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
        flow.heading(level, inlineRuns(node.content), documentIndex === null ? undefined : headingAnchor(documentIndex, headingIndex++));
        break;
      }
      case 'bulletList':
      case 'orderedList':
        writeList(flow, node, frame);
        break;
      case 'blockquote':
        writeQuote(flow, node, frame);
        break;
      case 'codeBlock':
        writeCode(flow, node, frame);
        break;
      case 'horizontalRule':
        flow.space(6);
        flow.artifact(() => flow.doc.lineWidth(0.75).moveTo(frame.x, flow.doc.y).lineTo(frame.x + frame.width, flow.doc.y).stroke(THEME.table.border));
        flow.space(12);
        break;
      case 'table': {
        const rows = (node.content ?? []).map((row) => row.content ?? []);
        const headed = rows.length > 1 && (rows[0] ?? []).every((cell) => cell.type === 'tableHeader');
        const text = rows.map((row) => row.map(cellText));
        writeTable(flow, { header: headed ? text[0]! : null, rows: headed ? text.slice(1) : text, numeric: [], rowHeaders: rows.slice(headed ? 1 : 0).every((row) => row[0]?.type === 'tableHeader') }, frame.x, frame.width);
        break;
      }
      default:
    }
  }
}

/**
 * Sets a document's ProseMirror content (the editor schema plus note and comment milestones).
 * Top-level headings get the anchors the table of contents links to; tagged words are highlighted
 * when `highlightTags` (tags printed as notes); tables print their cells
 * as plain text (formatting inside cells is not kept).
 */
export function writeContentBlocks(flow: PdfFlow, nodes: JSONContent[] | undefined, documentIndex: number, highlightTags: boolean): void {
  writeBlocks(flow, nodes, documentIndex, { x: flow.left, width: flow.width, inList: false, inQuote: false, listDepth: 0, highlightTags });
}

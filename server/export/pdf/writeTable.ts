import { breakLongWords } from './breakLongWords.ts';
import { columnWidths } from './columnWidths.ts';
import type { PdfFlow } from './PdfFlow.ts';
import { THEME } from './pdfTheme.ts';

export interface PdfTable {
  /** Repeated at the top of every page the table runs onto. */
  header: string[] | null;
  rows: string[][];
  /** Columns of counts: right-aligned. */
  numeric: boolean[];
  /** Header labels turned to read upwards (a matrix with many narrow columns). */
  rotateHeader?: boolean;
  /** The first cell of each row labels it (set bold). */
  rowHeaders?: boolean;
}

const SAMPLE_ROWS = 300;
const MAX_ROTATED = 130;

/**
 * Draws a table at the current height across the text column: bordered cells, a shaded header
 * row repeated after each page break, rows never split across pages; tagged as Table, TR, TH
 * (with its scope) and TD for screen readers.
 */
export function writeTable(flow: PdfFlow, table: PdfTable, x = flow.left, width = flow.width): void {
  const { doc } = flow;
  const { size, lineGap, padding, border, headerFill } = THEME.table;
  const header = table.header?.map(breakLongWords) ?? null;
  const rows = table.rows.map((row) => row.map(breakLongWords));
  const columns = Math.max(header?.length ?? 0, ...rows.map((row) => row.length));
  if (columns === 0) return;
  const rotated = table.rotateHeader === true;

  const natural = new Array<number>(columns).fill(0);
  const minimum = new Array<number>(columns).fill(0);
  const measure = (text: string, column: number, bold: boolean) => {
    doc.font(bold ? 'sans-bold' : 'sans').fontSize(size);
    for (const line of text.split('\n')) natural[column] = Math.max(natural[column]!, doc.widthOfString(line) + 2 * padding);
    const longest = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    minimum[column] = Math.max(minimum[column]!, Math.min(doc.widthOfString(longest) + 2 * padding, width / columns));
  };
  if (header) header.forEach((text, column) => (rotated && column > 0 ? (natural[column] = Math.max(natural[column]!, size * 1.6 + 2 * padding)) : measure(text, column, true)));
  for (const row of rows.slice(0, SAMPLE_ROWS)) row.forEach((text, column) => measure(text, column, table.rowHeaders === true && column === 0));
  const widths = columnWidths(natural, minimum, width);

  const oneLine = doc.font('sans').fontSize(size).currentLineHeight(true) + lineGap + 2 * padding;
  /** Whether a cell's text fits on one line (then it is set without the line breaker, much faster). */
  const fitsOneLine = (text: string, column: number, bold: boolean) =>
    !text.includes('\n') && doc.font(bold ? 'sans-bold' : 'sans').fontSize(size).widthOfString(text) <= widths[column]! - 2 * padding;
  const cellHeight = (text: string, column: number, bold: boolean) =>
    fitsOneLine(text, column, bold) ? oneLine : doc.font(bold ? 'sans-bold' : 'sans').fontSize(size).heightOfString(text || ' ', { width: widths[column]! - 2 * padding, lineGap }) + 2 * padding;

  // A header never takes more than a third of a page (longer labels are cut with an ellipsis).
  const headerHeight = header
    ? Math.min(
        (flow.bottom - doc.page.margins.top) / 3,
        rotated
          ? Math.min(MAX_ROTATED, Math.max(...header.slice(1).map((text) => doc.font('sans-bold').fontSize(size).widthOfString(text) + 2 * padding), cellHeight(header[0] ?? '', 0, true)))
          : Math.max(...header.map((text, column) => cellHeight(text, column, true))),
      )
    : 0;

  /** A row: its borders and shading as decoration, its cells as TH/TD (a repeated header row is decoration too). */
  const drawRow = (cells: string[], height: number, kind: 'header' | 'repeated-header' | 'body') => {
    const top = doc.y;
    const header = kind !== 'body';
    flow.artifact(() => {
      let left = x;
      for (let column = 0; column < columns; column++) {
        if (header) doc.rect(left, top, widths[column]!, height).fill(headerFill);
        doc.lineWidth(0.5).rect(left, top, widths[column]!, height).stroke(border);
        left += widths[column]!;
      }
    });
    const drawCell = (column: number, left: number) => {
      const cellWidth = widths[column]!;
      const text = cells[column] ?? '';
      const bold = header || (table.rowHeaders === true && column === 0);
      doc.font(bold ? 'sans-bold' : 'sans').fontSize(size).fillColor(THEME.text.color);
      if (header && rotated && column > 0) {
        doc.save();
        doc.rotate(-90, { origin: [left + padding, top + height - padding] });
        doc.text(text, left + padding, top + height - padding, { width: height - 2 * padding, height: cellWidth - padding, lineBreak: false, ellipsis: true });
        doc.restore();
      } else if (fitsOneLine(text, column, bold)) {
        const textX = table.numeric[column] ? left + cellWidth - padding - doc.widthOfString(text) : left + padding;
        doc.text(text, textX, top + padding, { lineBreak: false });
      } else {
        doc.text(text, left + padding, top + padding, { width: cellWidth - 2 * padding, lineGap, align: table.numeric[column] ? 'right' : 'left', height: height - padding, ellipsis: true });
      }
    };
    const eachCell = (draw: (column: number, left: number) => void) => {
      let left = x;
      for (let column = 0; column < columns; column++) {
        draw(column, left);
        left += widths[column]!;
      }
    };
    if (kind === 'repeated-header') flow.artifact(() => eachCell(drawCell), 'Pagination');
    else {
      flow.group('TR', () =>
        eachCell((column, left) => {
          const rowHeader = kind === 'body' && table.rowHeaders === true && column === 0;
          const type = header || rowHeader ? 'TH' : 'TD';
          flow.tag(type, () => drawCell(column, left), header ? { scope: 'Column' as const } : rowHeader ? { scope: 'Row' as const } : {});
        }),
      );
    }
    doc.y = top + height;
  };

  const pageRoom = flow.bottom - doc.page.margins.top - headerHeight;
  const rowHeight = (row: string[]) => Math.min(pageRoom, Math.max(...row.map((text, column) => cellHeight(text, column, table.rowHeaders === true && column === 0))));
  flow.ensureSpace(headerHeight + (rows[0] ? rowHeight(rows[0]) : 0));
  flow.group('Table', () => {
    if (header) drawRow(header, headerHeight, 'header');
    for (const row of rows) {
      const height = rowHeight(row);
      if (doc.y + height > flow.bottom) {
        doc.continueOnNewPage();
        if (header) drawRow(header, headerHeight, 'repeated-header');
      }
      drawRow(row, height, 'body');
    }
  });
  doc.x = flow.left;
  flow.space(THEME.text.gap * 1.5);
}

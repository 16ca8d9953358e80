import type { PdfFlow, PlacedHeading } from './PdfFlow.ts';
import { THEME } from './pdfTheme.ts';

const LINE = 16;
const TITLE = 44;
const SIZE = 10.5;
const LEVEL_INDENT = 14;

/** Pages a contents list of `entries` lines takes (reserved before the chapters are written). */
export function tocPagesNeeded(flow: PdfFlow, entries: number): number {
  const room = flow.bottom - flow.doc.page.margins.top;
  const first = Math.max(1, Math.floor((room - TITLE) / LINE));
  const next = Math.floor(room / LINE);
  return entries <= first ? 1 : 1 + Math.ceil((entries - first) / next);
}

/** Shortens `text` with an ellipsis until it fits `width` in the current font. */
function fit(flow: PdfFlow, text: string, width: number): string {
  if (flow.doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && flow.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return `${cut.trimEnd()}…`;
}

/**
 * Fills the reserved pages with the contents: each heading with dot leaders and its page number,
 * the whole line a link to the heading; tagged as a heading and a TOC of TOCI entries (the dots
 * are decoration).
 */
export function writeTableOfContents(flow: PdfFlow, pages: number[], headings: PlacedHeading[]): void {
  const { doc } = flow;
  let pageSlot = 0;
  doc.switchToPage(pages[0]!);
  doc.y = doc.page.margins.top;
  flow.tag('H1', () => {
    doc.font('sans-bold').fontSize(THEME.headings[0].size).fillColor(THEME.headingColor);
    doc.text('Contents', flow.left, doc.y, { width: flow.width, destination: 'contents' });
  });
  doc.y = doc.page.margins.top + TITLE;
  const numberWidth = 34;
  flow.group('TOC', () => {
    for (const heading of headings) {
      if (doc.y + LINE > flow.bottom) {
        pageSlot += 1;
        if (pageSlot >= pages.length) break;
        doc.switchToPage(pages[pageSlot]!);
        doc.y = doc.page.margins.top;
      }
      const y = doc.y;
      const x = flow.left + (heading.level - 1) * LEVEL_INDENT;
      const textWidth = flow.width - (x - flow.left) - numberWidth - 8;
      const face = heading.level === 1 ? 'sans-bold' : 'sans';
      doc.font(face).fontSize(SIZE);
      const label = fit(flow, heading.text, textWidth);
      const page = String(heading.page + 1);
      const dotsFrom = x + doc.widthOfString(label) + 6;
      const dotsTo = flow.left + flow.width - doc.widthOfString(page) - 6;
      if (dotsTo > dotsFrom) {
        flow.artifact(() => {
          doc.font('sans').fontSize(SIZE).fillColor('#8a94a3');
          const dot = doc.widthOfString('. ');
          doc.text('. '.repeat(Math.max(0, Math.floor((dotsTo - dotsFrom) / dot))), dotsFrom, y, { lineBreak: false });
        });
      }
      flow.tag('TOCI', () => {
        doc.font(face).fontSize(SIZE).fillColor(THEME.text.color);
        doc.text(label, x, y, { lineBreak: false, goTo: heading.destination });
        doc.text(page, flow.left, y, { width: flow.width, align: 'right', lineBreak: false, goTo: heading.destination });
      });
      doc.y = y + LINE;
    }
  });
}

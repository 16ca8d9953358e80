import type { PageSize } from '../../../shared/export/ExportRequest.ts';

/** Page sizes in PDF points (1/72 in). */
export const PAGE_SIZES: Record<PageSize, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

/** Margins in points: 22 mm top, 24 mm bottom (room for the footer), 20 mm at the sides. */
export const PAGE_MARGINS = { top: 62, bottom: 68, left: 57, right: 57 };

/** Type sizes, line gaps and colours of a PDF report (they follow the HTML report's stylesheet). */
export const THEME = {
  text: { size: 10.5, lineGap: 3.2, gap: 7, color: '#1a1a1a' },
  small: { size: 9, lineGap: 2, gap: 4, color: '#1a1a1a' },
  table: { size: 8.6, lineGap: 1.2, padding: 4, border: '#b8c0cc', headerFill: '#e8edf4' },
  headings: [
    { size: 20, above: 16, below: 8 },
    { size: 15, above: 14, below: 6 },
    { size: 12.5, above: 12, below: 5 },
    { size: 11, above: 10, below: 4 },
  ],
  headingColor: '#12305a',
  muted: '#4b5563',
  link: '#1d4f91',
  noteRef: '#1d4f91',
  commentRef: '#8a4b00',
  rule: '#9aa9bf',
  tagHighlight: '#fff3c4',
  codeFill: '#f4f5f7',
  footer: { size: 8, color: '#555555' },
  listIndent: 16,
  quoteIndent: 14,
} as const;

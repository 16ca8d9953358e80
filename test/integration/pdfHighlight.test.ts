import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfFlow } from '../../server/export/pdf/PdfFlow.ts';
import type { InlineRun } from '../../shared/export/inlineRuns.ts';

const TAGGED = 'States should ensure the integrity of the supply chain so that end users can have confidence in the security of ICT products. '.repeat(5);

/** A paragraph starting near the foot of page 1, its tagged words running onto page 2, then plain words. */
async function paragraphAcrossPages(): Promise<Buffer> {
  const flow = new PdfFlow('a4', { title: 'Highlight test', author: 'Normspace' }, false);
  flow.doc.y = flow.bottom - 40;
  const runs = [{ text: 'Plain words first, then ' }, { text: TAGGED, tagged: true }, { text: 'and after the tag plain words that end the paragraph.' }] as InlineRun[];
  flow.runs(runs, { family: 'serif', size: 11, lineGap: 2, gap: 6, color: '#1b2230', highlightTags: true });
  return flow.finish('Highlight test', 0);
}

interface Pixel {
  r: number;
  g: number;
  b: number;
}

/** Page `page` rendered in colour at 72 dpi, as rows of pixels. */
function render(pdf: Buffer, page: number): Pixel[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-hl-'));
  const file = path.join(dir, 'in.pdf');
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), file, path.join(dir, 'page')]);
  const image = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((name) => name.endsWith('.ppm'))!));
  fs.rmSync(dir, { recursive: true, force: true });
  // P6 header: magic, width, height, max value, then three bytes per pixel
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = image.subarray(header[0].length);
  return Array.from({ length: height }, (_, y) =>
    Array.from({ length: width }, (_, x) => {
      const at = (y * width + x) * 3;
      return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
    }),
  );
}

/** The highlight (#fff3c4) is yellow: red well above blue. Text (#1b2230) is dark, its anti-aliased edges grey or bluish. */
const isHighlight = ({ r, b }: Pixel) => r > 200 && r - b > 30;
const isInk = ({ r, g, b }: Pixel) => r + g + b < 330;

describe('tagged words highlighted in a PDF', () => {
  it('stay readable after a page break: dark words on the highlight, not words in its colour', async () => {
    const rows = render(await paragraphAcrossPages(), 2);
    const highlighted = rows.filter((row) => row.filter(isHighlight).length > 100);
    expect(highlighted.length).toBeGreaterThan(20); // the continued lines are highlighted…
    const inkInHighlightedRows = highlighted.reduce((sum, row) => sum + row.filter(isInk).length, 0);
    expect(inkInHighlightedRows).toBeGreaterThan(500); // …and their words are printed in the text colour
  });

  it('ends where the tagged words end: the plain words after them are not highlighted', async () => {
    const rows = render(await paragraphAcrossPages(), 2);
    // the paragraph's last line ("…ICT products. and after the tag plain words…"): the highlight stops a third of the way in
    const textRows = rows.map((row, y) => ({ row, y })).filter(({ row, y }) => y < rows.length - 60 && row.some(isInk));
    const lastLine = textRows.filter(({ y }) => y > textRows.at(-1)!.y - 10).map(({ row }) => row);
    const width = lastLine[0]!.length;
    const highlightRightOfMiddle = lastLine.reduce((sum, row) => sum + row.slice(Math.floor(width * 0.5)).filter(isHighlight).length, 0);
    const highlightLeftOfMiddle = lastLine.reduce((sum, row) => sum + row.slice(0, Math.floor(width * 0.5)).filter(isHighlight).length, 0);
    expect(highlightLeftOfMiddle).toBeGreaterThan(200); // "security of ICT products." is tagged
    expect(highlightRightOfMiddle).toBe(0);
  });
});

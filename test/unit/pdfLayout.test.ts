import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { commentRuns } from '../../shared/export/commentRuns.ts';
import { inlineRuns, runsText } from '../../shared/export/inlineRuns.ts';
import { breakLongWords } from '../../server/export/pdf/breakLongWords.ts';
import { columnWidths } from '../../server/export/pdf/columnWidths.ts';
import { pairKerning, type GposTable } from '../../server/export/pdf/pairKerning.ts';
import { superscript } from '../../server/export/pdf/superscript.ts';

describe('inline runs for page layout', () => {
  it('joins neighbours with the same formatting and keeps marks, safe links, breaks and reference marks', () => {
    const runs = inlineRuns([
      { type: 'text', text: 'Members ' },
      { type: 'text', text: 'agree', marks: [{ type: 'annotation', attrs: { id: 'a1' } }] },
      { type: 'text', text: ' that', marks: [] },
      { type: 'tagNote', attrs: { note: 12 } },
      { type: 'text', text: ' bold', marks: [{ type: 'bold' }] },
      { type: 'hardBreak' },
      { type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.org/a' } }] },
      { type: 'text', text: ' bad', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
      { type: 'commentStart', attrs: { number: 3 } },
      { type: 'commentEnd', attrs: { number: 3 } },
    ]);
    expect(runs.map((run) => run.text)).toEqual(['Members ', 'agree', ' that', '12', ' bold', '\n', 'site', ' bad', 'C3']);
    expect(runs[1]!.tagged).toBe(true);
    expect(runs[2]!.tagged).toBeUndefined();
    expect(runs[3]!.ref).toEqual({ kind: 'note', number: 12 });
    expect(runs[4]!.bold).toBe(true);
    expect(runs[6]!.href).toBe('https://example.org/a');
    expect(runs[7]!.href).toBeUndefined();
    expect(runs[8]!.ref).toEqual({ kind: 'comment', number: 3 });
    expect(runsText(runs)).toBe('Members agree that12 bold\nsite badC3');
  });

  it('reads comment markup as runs, never as HTML', () => {
    const runs = commentRuns('Is this **really** shared? <script>x</script> see https://example.org and @[Ana](p1)');
    expect(runs.find((run) => run.text === 'really')?.bold).toBe(true);
    expect(runsText(runs)).toContain('<script>x</script>');
    expect(runs.find((run) => run.href)?.href).toBe('https://example.org/');
    expect(runs.at(-1)).toMatchObject({ text: '@Ana', bold: true });
  });

  it('gives unbroken runs of text a place to wrap every 40 characters, and leaves words alone', () => {
    const hash = 'a'.repeat(100);
    expect(breakLongWords(`sha ${hash} ok`)).toBe(`sha ${'a'.repeat(40)}\u200B${'a'.repeat(40)}\u200B${'a'.repeat(20)} ok`);
    expect(breakLongWords('Ordinary words, even internationalisation, stay as they are.')).toBe('Ordinary words, even internationalisation, stay as they are.');
  });

  it('writes note numbers in superscript digits', () => {
    expect(superscript(1207)).toBe('¹²⁰⁷');
  });
});

describe('table column widths', () => {
  it('shares spare width in proportion when everything fits', () => {
    const widths = columnWidths([50, 150], [10, 10], 400);
    expect(widths[0]! + widths[1]!).toBeCloseTo(400);
    expect(widths[1]! / widths[0]!).toBeCloseTo(3);
  });

  it('keeps narrow columns whole and shares the rest among wide ones, never below a column’s longest word', () => {
    const widths = columnWidths([30, 60, 900, 600], [20, 40, 120, 80], 480);
    expect(widths[0]).toBe(30);
    expect(widths[1]).toBe(60);
    expect(widths[2]! + widths[3]!).toBeCloseTo(390);
    expect(widths[2]! / widths[3]!).toBeCloseTo(1.5);
    expect(columnWidths([900, 900], [300, 300], 400)).toEqual([200, 200]);
  });

  it('never makes a table wider than the page, whatever the columns want', () => {
    const cases: [number[], number[], number][] = [
      [[2000, 200, 200], [60, 150, 150], 481],
      [[900, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], new Array(25).fill(19), 481],
      [[10, 10], [0, 0], 481],
    ];
    for (const [natural, minimum, available] of cases) {
      const widths = columnWidths(natural, minimum, available);
      expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(available);
      widths.forEach((width, i) => expect(width, `column ${i}`).toBeGreaterThanOrEqual(Math.min(minimum[i]!, available / natural.length) - 1e-9));
    }
    // The wide description column gives way to the two URL columns' longest words.
    expect(columnWidths([2000, 200, 200], [60, 150, 150], 481)).toEqual([181, 150, 150]);
  });
});

describe('kerning read from the GPOS table', () => {
  it('gives the same advance as fontkit’s full OpenType layout (ligatures aside) in each face', () => {
    const require = createRequire(import.meta.url);
    const words = ['AVATAR', 'Yes, Tom.', 'WAVE LAY', 'To Ty Te', 'Pay “Vote”', 'P.Y.', 'Жук Ωmega', 'Kyiv, Lviv', '1970–2025'];
    for (const file of ['@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf', '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf']) {
      const font = fontkit.openSync(require.resolve(file)) as fontkit.Font;
      const kern = pairKerning((font as unknown as { GPOS: GposTable }).GPOS);
      let kerned = 0;
      for (const word of words) {
        const glyphs = font.glyphsForString(word);
        const ours = glyphs.reduce((sum, glyph, i) => {
          const value = i + 1 < glyphs.length ? kern(glyph.id, glyphs[i + 1]!.id) : 0;
          if (value !== 0) kerned += 1;
          return sum + glyph.advanceWidth + value;
        }, 0);
        expect(ours, `${word} in ${file}`).toBe(font.layout(word, { liga: false, clig: false }).advanceWidth);
      }
      expect(kerned).toBeGreaterThan(5);
    }
  });
});

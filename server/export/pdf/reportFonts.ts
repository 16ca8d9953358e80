import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { pairKerning, type GposTable } from './pairKerning.ts';

const require = createRequire(import.meta.url);

/**
 * The faces a PDF report is set in: Source Serif 4 for text, Source Sans 3 for headings, tables
 * and notes, Source Code Pro for code (SIL Open Font License, installed from npm so every
 * machine prints the same report). They cover Latin, Greek and Cyrillic; other scripts print as
 * missing glyphs.
 */
const FONT_FILES = {
  serif: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  'serif-bold': '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf',
  'serif-italic': '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  'serif-bold-italic': '@expo-google-fonts/source-serif-4/700Bold_Italic/SourceSerif4_700Bold_Italic.ttf',
  sans: '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf',
  'sans-bold': '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf',
  'sans-italic': '@expo-google-fonts/source-sans-3/400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
  'sans-bold-italic': '@expo-google-fonts/source-sans-3/700Bold_Italic/SourceSans3_700Bold_Italic.ttf',
  mono: '@expo-google-fonts/source-code-pro/400Regular/SourceCodePro_400Regular.ttf',
} as const;

export type ReportFont = keyof typeof FONT_FILES;
export type FontFamily = 'serif' | 'sans';

/** Most shaped words kept per face, and kerning pairs; each cache starts afresh when full. */
const LAYOUT_CACHE_LIMIT = 100_000;
const KERNING_CACHE_LIMIT = 250_000;
/** Longer strings (pdfkit measures whole lines too) are shaped every time, never kept. */
const LONGEST_CACHED = 64;

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface ShapedRun {
  glyphs: fontkit.Glyph[];
  positions: Position[];
}

/**
 * Text that needs no shaping beyond kerning: Latin, Greek and Cyrillic letters, punctuation and
 * symbols, without combining marks (those, and every other script, go through full OpenType
 * layout).
 */
const SIMPLE_TEXT = /^[\u0020-\u007e\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u1d00-\u1dbf\u1e00-\u1eff\u2000-\u20bf\u2100-\u21ff]*$/;

/**
 * Shapes words with a process-wide cache. Simple words are set glyph by glyph with kerning read
 * from the font's GPOS table (`pairKerning`, cached per pair): the same result as full OpenType
 * layout for these scripts except ligatures, at a fraction of the cost, which matters for the
 * first export after a start, when every word of a long report is new. pdfkit scales the
 * positions it is given, so each call returns fresh position objects over the shared glyphs.
 */
function withSharedLayoutCache(font: fontkit.Font): fontkit.Font {
  const cache = new Map<string, ShapedRun>();
  const kerning = new Map<number, number>();
  const pairValue = pairKerning((font as unknown as { GPOS?: GposTable }).GPOS);
  const kern = (left: fontkit.Glyph, right: fontkit.Glyph): number => {
    const key = left.id * 65_536 + right.id;
    let value = kerning.get(key);
    if (value === undefined) {
      value = pairValue(left.id, right.id);
      if (kerning.size >= KERNING_CACHE_LIMIT) kerning.clear();
      kerning.set(key, value);
    }
    return value;
  };
  const shape = (text: string): ShapedRun => {
    const fontGlyphs = SIMPLE_TEXT.test(text) ? font.glyphsForString(text) : [];
    const characters = [...text];
    if (fontGlyphs.length !== characters.length) {
      const run = font.layout(text);
      return { glyphs: run.glyphs, positions: run.positions };
    }
    // fontkit keeps one glyph object per id with the characters of its first use, and subsetting
    // a font asks for component glyphs with none (a comma inside a semicolon): pdfkit maps each
    // glyph back to text from these, so each word carries its own characters (one per glyph here).
    const glyphs = fontGlyphs.map((glyph, index) => ({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [characters[index]!.codePointAt(0)!] }) as unknown as fontkit.Glyph);
    const positions = fontGlyphs.map((glyph, index) => {
      const next = fontGlyphs[index + 1];
      return { xAdvance: glyph.advanceWidth + (next ? kern(glyph, next) : 0), yAdvance: 0, xOffset: 0, yOffset: 0 };
    });
    return { glyphs, positions };
  };
  const layout = (text: string, features?: string[] | Record<string, boolean>) => {
    if (features !== undefined) return font.layout(text, features);
    let shaped = cache.get(text);
    if (!shaped) {
      shaped = shape(text);
      if (text.length <= LONGEST_CACHED) {
        if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
        cache.set(text, shaped);
      }
    }
    const positions = shaped.positions.map((position) => ({ ...position }));
    let advanceWidth: number | undefined;
    return {
      glyphs: shaped.glyphs,
      positions,
      // Read only after pdfkit has scaled the positions, then many times: summed once.
      get advanceWidth() {
        advanceWidth ??= positions.reduce((sum, position) => sum + position.xAdvance, 0);
        return advanceWidth;
      },
    };
  };
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return layout;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let loaded: Map<ReportFont, fontkit.Font> | undefined;

/** The faces, parsed once per process and shared by every export (each PDF embeds its own subset). */
function fonts(): Map<ReportFont, fontkit.Font> {
  loaded ??= new Map(
    Object.entries(FONT_FILES).map(([name, file]) => {
      const font = fontkit.openSync(require.resolve(file));
      if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
      return [name as ReportFont, withSharedLayoutCache(font)];
    }),
  );
  return loaded;
}

/** Registers every report face on a pdfkit document under its `ReportFont` name. */
export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  // pdfkit takes a fontkit font object as well as a file (its typings list only files and buffers).
  for (const [name, font] of fonts()) doc.registerFont(name, font as unknown as Buffer);
}

/** The face for a family and emphasis. */
export function faceOf(family: FontFamily, bold: boolean, italic: boolean): ReportFont {
  if (bold && italic) return `${family}-bold-italic`;
  if (bold) return `${family}-bold`;
  if (italic) return `${family}-italic`;
  return family;
}

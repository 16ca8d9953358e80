/** The text colour of the document (base.css `--color-text`). */
export const TEXT_COLOR = '#1b2230';
/** Opacity of one passage's tint; overlapping passages stack their tints. */
export const TINT_ALPHA = 0.16;
/** Underlines drawn at most, one per overlapping passage, 2 px each. */
export const MAX_UNDERLINES = 3;
/** WCAG AA for body text, with a margin. */
export const MIN_CONTRAST = 5;

type Rgb = [number, number, number];

const FALLBACK: Rgb = [75, 85, 99];

export function parseColor(color: string): Rgb {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return FALLBACK;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as Rgb;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colours. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function mix(under: Rgb, over: Rgb, alpha: number): Rgb {
  return under.map((value, i) => value * (1 - alpha) + over[i]! * alpha) as Rgb;
}

function css([r, g, b]: Rgb): string {
  return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`;
}

/**
 * The background of text covered by passages of these colours (outermost first): each adds a
 * translucent tint over white, so overlaps are darker, but never so dark that the text falls under
 * `MIN_CONTRAST` (the tint is lightened until it passes, whatever colour a kind was given).
 */
export function layeredBackground(colors: readonly string[]): Rgb {
  const white: Rgb = [255, 255, 255];
  let result = white;
  for (const color of colors) result = mix(result, parseColor(color), TINT_ALPHA);
  const text = parseColor(TEXT_COLOR);
  for (let lighten = 0.1; contrastRatio(result, text) < MIN_CONTRAST && lighten <= 1; lighten += 0.1) {
    result = mix(result, white, lighten);
  }
  return result;
}

/** Background and underlines (a `box-shadow`) of text covered by passages of these colours (outermost first). */
export function highlightLook(colors: readonly string[]): { backgroundColor: string; boxShadow: string } {
  // Shadows listed first are painted on top: the outermost passage's line is the lowest, each
  // nested passage's line shows just above it.
  const underlines = colors.slice(0, MAX_UNDERLINES).map((color, depth) => `inset 0 -${2 * (depth + 1)}px 0 ${color}`);
  return { backgroundColor: css(layeredBackground(colors)), boxShadow: underlines.join(', ') };
}

/** The same as inline CSS, for editor decorations. */
export function highlightCss(colors: readonly string[]): string {
  const look = highlightLook(colors);
  return `background-color: ${look.backgroundColor}; box-shadow: ${look.boxShadow}`;
}

import { describe, expect, it } from 'vitest';
import {
  MAX_UNDERLINES,
  MIN_CONTRAST,
  TEXT_COLOR,
  contrastRatio,
  highlightCss,
  layeredBackground,
  parseColor,
} from '../../client/editor/annotations/highlightStyle.ts';
import { starterKinds } from '../../shared/taxonomy/starterTaxonomy.ts';

const text = parseColor(TEXT_COLOR);
const lightness = (rgb: number[]) => rgb.reduce((sum, value) => sum + value, 0);

describe('highlight colours', () => {
  it('darken where passages overlap', () => {
    const one = layeredBackground(['#1d4ed8']);
    const two = layeredBackground(['#1d4ed8', '#7e22ce']);
    expect(lightness(two)).toBeLessThan(lightness(one));
    expect(lightness(one)).toBeLessThan(255 * 3);
  });

  it('keep the text readable (AA) on the darkest overlaps, whatever the kinds’ colours', () => {
    const starter = starterKinds.map((kind) => kind.color);
    const worst = [...starter, ...starter, '#000000', '#000000', '#000000'];
    for (let depth = 1; depth <= worst.length; depth += 1) {
      expect(contrastRatio(layeredBackground(worst.slice(0, depth)), text)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
    expect(MIN_CONTRAST).toBeGreaterThanOrEqual(4.5);
  });

  it('stack one underline per passage, up to a few', () => {
    const css = highlightCss(['#1d4ed8', '#7e22ce', '#047857', '#b91c1c']);
    expect(css.match(/inset 0 -\dpx 0/g)).toHaveLength(MAX_UNDERLINES);
    expect(css).toContain('inset 0 -2px 0 #1d4ed8, inset 0 -4px 0 #7e22ce');
  });

  it('reads malformed colours as a neutral grey', () => {
    expect(parseColor('teal')).toEqual(parseColor('#4b5563'));
    expect(parseColor('#abc')).toEqual([170, 187, 204]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedTaxonomy } from '../../shared/taxonomy/seedTaxonomy.ts';
import { readTaxonomy } from '../../shared/taxonomy/taxonomyDoc.ts';
import { AA_CONTRAST, contrastRatio } from '../../client/taxonomy/contrastRatio.ts';
import { suggestTermId } from '../../client/taxonomy/suggestTermId.ts';
import { validateTermInput } from '../../client/taxonomy/validateTermInput.ts';

const taxonomy = (() => {
  const doc = new Y.Doc();
  seedTaxonomy(doc);
  return readTaxonomy(doc);
})();

const draft = { id: 'theme-ci', kind: 'norm', label: 'Critical infrastructure', description: '', parentId: '', sourceUrl: '' };

describe('taxonomy form helpers', () => {
  it('suggests ids a person can read, within the id rule', () => {
    expect(suggestTermId('Protección de infraestructura crítica')).toBe('proteccion-de-infraestructura-critica');
    expect(suggestTermId('  Paris Call — principle 3!  ')).toBe('paris-call-principle-3');
    expect(suggestTermId('x'.repeat(80))).toHaveLength(64);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1);
    expect(contrastRatio('#ffffff', '#1d4ed8')).toBeGreaterThan(AA_CONTRAST); // the starter norm colour
    expect(contrastRatio('#ffffff', '#fde047')).toBeLessThan(AA_CONTRAST);
  });

  it('accepts a good new term and names every problem of a bad one', () => {
    expect(validateTermInput(draft, taxonomy, true)).toEqual({});
    const errors = validateTermInput(
      { id: 'paris-3', kind: 'nonsense', label: ' ', description: '', parentId: 'missing', sourceUrl: 'ftp://x' },
      taxonomy,
      true,
    );
    expect(Object.keys(errors).sort()).toEqual(['id', 'kind', 'label', 'parentId', 'sourceUrl']);
    expect(errors.id).toContain('already used');
  });
});

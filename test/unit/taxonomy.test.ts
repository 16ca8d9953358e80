import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ancestorIds, resolveTermId } from '../../shared/taxonomy/resolveTerm.ts';
import { seedTaxonomy } from '../../shared/taxonomy/seedTaxonomy.ts';
import { starterTerms } from '../../shared/taxonomy/starterTaxonomy.ts';
import { exportTaxonomy, importTaxonomy } from '../../shared/taxonomy/taxonomyJson.ts';
import { mergeTerms, readTaxonomy, setParent, setRetired, upsertTerm } from '../../shared/taxonomy/taxonomyDoc.ts';

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  seedTaxonomy(doc);
  return doc;
}

describe('starter taxonomy', () => {
  it('holds the 11 UN GGE norms, the five stakeholder groups, the initiatives and incidents, once', () => {
    const taxonomy = readTaxonomy(seeded());
    const ids = [...taxonomy.terms.keys()];
    expect(new Set(starterTerms.map((t) => t.id)).size).toBe(starterTerms.length);
    expect(ids.filter((id) => id.startsWith('ungge-2015-'))).toHaveLength(11);
    expect(ids.filter((id) => taxonomy.terms.get(id)!.kind === 'stakeholder').sort()).toEqual(['cs', 'gov', 'igo', 'private', 'tech']);
    expect(ids.filter((id) => id.startsWith('paris-') && id !== 'paris-call')).toHaveLength(9);
    expect(ids.filter((id) => id.startsWith('gcsc-'))).toHaveLength(8);
    expect(ids.filter((id) => id.startsWith('inc-'))).toHaveLength(10);
    expect(ancestorIds(taxonomy, 'paris-3')).toEqual(['paris-call']);
    for (const term of taxonomy.terms.values()) if (term.parentId) expect(taxonomy.terms.has(term.parentId), term.id).toBe(true);
  });

  it('is applied only to an empty taxonomy', () => {
    const doc = seeded();
    upsertTerm(doc, { id: 'theme-ci', kind: 'norm', label: 'Critical infrastructure', description: '' });
    expect(seedTaxonomy(doc)).toBe(false);
    expect(readTaxonomy(doc).terms.has('theme-ci')).toBe(true);
  });
});

describe('taxonomy editing', () => {
  it('refuses re-parenting that would make a cycle', () => {
    const doc = seeded();
    expect(setParent(doc, 'paris-call', 'paris-3')).toEqual({ ok: false, error: expect.stringContaining('under itself') });
    expect(setParent(doc, 'paris-3', 'gcsc')).toEqual({ ok: true });
    expect(readTaxonomy(doc).terms.get('paris-3')!.parentId).toBe('gcsc');
  });

  it('merges a term into a survivor of the same kind and retires it', () => {
    const doc = seeded();
    expect(mergeTerms(doc, 'gcsc-7', 'paris-7')).toEqual({ ok: true });
    const taxonomy = readTaxonomy(doc);
    expect(resolveTermId(taxonomy, 'gcsc-7')).toBe('paris-7');
    expect(taxonomy.terms.get('gcsc-7')!.retired).toBe(true);
    expect(mergeTerms(doc, 'paris-7', 'gcsc-7')).toMatchObject({ ok: false });
    expect(mergeTerms(doc, 'cs', 'paris-7')).toMatchObject({ ok: false, error: expect.stringContaining('cannot merge') });
  });

  it('keeps concurrent edits of different fields of one term', () => {
    const a = seeded();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    upsertTerm(a, { id: 'paris-8', kind: 'norm', label: 'No hack-back by companies', description: 'Edited by A', parentId: 'paris-call' });
    setRetired(b, 'paris-8', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(readTaxonomy(doc).terms.get('paris-8')).toMatchObject({ label: 'No hack-back by companies', retired: true });
  });
});

describe('taxonomy JSON', () => {
  it('round-trips through export and import', () => {
    const source = seeded();
    mergeTerms(source, 'gcsc-7', 'paris-7');
    const file = JSON.parse(JSON.stringify(exportTaxonomy(readTaxonomy(source))));
    const target = new Y.Doc();
    expect(importTaxonomy(target, file)).toMatchObject({ ok: true });
    expect(readTaxonomy(target)).toEqual(readTaxonomy(source));
  });

  it('lists every problem of a bad file and changes nothing', () => {
    const doc = seeded();
    const before = Y.encodeStateVector(doc);
    const result = importTaxonomy(doc, {
      format: 'normspace-taxonomy',
      version: 1,
      kinds: [],
      terms: [
        { id: 'x-1', kind: 'norm', label: 'One', parentId: 'missing' },
        { id: 'x-1', kind: 'norm', label: 'Duplicate' },
        { id: 'x-2', kind: 'mystery', label: 'Unknown kind' },
        { id: 'x-3', kind: 'norm', label: 'Loop A', parentId: 'x-4' },
        { id: 'x-4', kind: 'norm', label: 'Loop B', parentId: 'x-3' },
      ],
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.join('\n')).toMatch(/parent "missing" does not exist/);
    expect(errors.join('\n')).toMatch(/duplicate id "x-1"/);
    expect(errors.join('\n')).toMatch(/unknown kind "mystery"/);
    expect(errors.join('\n')).toMatch(/cycle/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('rejects files of the wrong shape with readable paths', () => {
    const result = importTaxonomy(new Y.Doc(), { format: 'other', terms: [{ id: 'BAD ID' }] });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join('\n')).toMatch(/format|terms\.0\.id/);
  });
});

describe('starter taxonomy wording', () => {
  const description = (id: string) => starterTerms.find((term) => term.id === id)?.description ?? '';
  const label = (id: string) => starterTerms.find((term) => term.id === id)?.label ?? '';

  it('keeps the words of the source texts that carry meaning', () => {
    expect(description('paris-7')).toContain('advanced cyber hygiene for all actors');
    expect(description('paris-8')).toContain('Take steps to prevent non-state actors');
    expect(description('paris-1')).toContain('significant, indiscriminate or systemic');
    expect(description('paris-3')).toContain('foreign actors');
    expect(label('paris-2')).toBe('Paris 2 · Protect the Internet');
    for (const words of ['knowingly support', 'contrary to your obligations under international law', 'intentionally damages', 'providing services to the public']) {
      expect(description('ungge-2015-f')).toContain(words);
    }
    expect(description('ungge-2015-f')).not.toContain("another state's");
    expect(description('ungge-2015-d')).toContain('Consider how best to cooperate');
    expect(description('ungge-2015-h')).toContain('coming from your own territory');
    expect(description('gcsc-5')).toContain('default presumption in favour of disclosure');
    expect(description('gcsc-8')).toContain('states prevent such activity and respond');
    expect(description('cot-4')).toContain('trusted partner');
    expect([label('techaccord-1'), label('techaccord-2')]).toEqual(['Tech Accord 1 · Stronger defense', 'Tech Accord 2 · No offense']);
  });
});

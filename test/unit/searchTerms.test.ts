import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldText, searchTerms, type TermGroup } from '../../shared/taxonomy/searchTerms.ts';
import { seedTaxonomy } from '../../shared/taxonomy/seedTaxonomy.ts';
import { mergeTerms, readTaxonomy, setKind, setRetired, upsertTerm } from '../../shared/taxonomy/taxonomyDoc.ts';

function starter(): Y.Doc {
  const doc = new Y.Doc();
  seedTaxonomy(doc);
  return doc;
}

const ids = (groups: TermGroup[]) => groups.flatMap((group) => group.matches.map((match) => match.term.id));
const first = (groups: TermGroup[]) => ids(groups)[0];
/** The best match over all groups (groups follow the kinds' order, not the scores). */
const best = (groups: TermGroup[]) =>
  groups.flatMap((group) => group.matches).reduce<{ id?: string; score: number }>((top, match) => (match.score > top.score ? { id: match.term.id, score: match.score } : top), { score: 0 }).id;

describe('searchTerms', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(foldText("  Côte-d'Ivoire ÉCOLE ")).toBe('cote d ivoire ecole');
  });

  it('with an empty query lists every live term, grouped by kind in the kinds’ order', () => {
    const groups = searchTerms(readTaxonomy(starter()), '');
    expect(groups.map((group) => group.id)).toEqual(['norm', 'agreement', 'stakeholder', 'incident']);
    expect(groups[0]!.matches[0]!.term.id).toBe('ungge-2015-a'); // taxonomy order inside a kind
    expect(groups[2]!.matches.map((match) => match.term.id)).toEqual(['gov', 'igo', 'cs', 'tech', 'private']);
  });

  it('matches word prefixes of labels, ids and descriptions, best first', () => {
    const taxonomy = readTaxonomy(starter());
    expect(best(searchTerms(taxonomy, 'supply chain'))).toBe('ungge-2015-i');
    expect(best(searchTerms(taxonomy, 'paris call'))).toBe('paris-call');
    expect(best(searchTerms(taxonomy, 'ungge-2015-j'))).toBe('ungge-2015-j');
    expect(best(searchTerms(taxonomy, 'priv'))).toBe('private');
    // Only in a description: "hospitals" is in WannaCry's.
    expect(ids(searchTerms(taxonomy, 'hospitals'))).toEqual(['inc-wannacry']);
  });

  it('finds subsequences such as initials, and ignores diacritics in the query', () => {
    const taxonomy = readTaxonomy(starter());
    expect(best(searchTerms(taxonomy, 'tchacc'))).toMatch(/^tech-?accord/);
    expect(best(searchTerms(taxonomy, 'Cívil'))).toBe('cs');
  });

  it('needs every word of the query to match', () => {
    const taxonomy = readTaxonomy(starter());
    expect(ids(searchTerms(taxonomy, 'botnet mirai'))).toEqual(['inc-mirai']);
    expect(ids(searchTerms(taxonomy, 'botnet zebra'))).toEqual([]);
  });

  it('leaves out retired and merged terms', () => {
    const doc = starter();
    setRetired(doc, 'inc-mirai', true);
    expect(mergeTerms(doc, 'gcsc-4', 'paris-5')).toEqual({ ok: true });
    const taxonomy = readTaxonomy(doc);
    expect(ids(searchTerms(taxonomy, 'botnet'))).toEqual([]);
    expect(ids(searchTerms(taxonomy, ''))).not.toContain('inc-mirai');
    expect(ids(searchTerms(taxonomy, ''))).not.toContain('gcsc-4');
  });

  it('puts recently used terms first: their own group for an empty query, a boost otherwise', () => {
    const taxonomy = readTaxonomy(starter());
    const recent = ['cs', 'ungge-2015-j', 'retired-or-unknown'];
    const empty = searchTerms(taxonomy, '', { recent });
    expect(empty[0]).toMatchObject({ id: 'recent', label: 'Recently used' });
    expect(empty[0]!.matches.map((match) => match.term.id)).toEqual(['cs', 'ungge-2015-j']);
    expect(ids(empty).filter((id) => id === 'cs')).toHaveLength(1); // not repeated in its kind

    // "gge" matches the eleven GGE norms about equally; the recent one comes first in its kind.
    const plain = searchTerms(taxonomy, 'gge');
    const boosted = searchTerms(taxonomy, 'gge', { recent: ['ungge-2015-j'] });
    expect(first(plain)).not.toBe('ungge-2015-j');
    expect(first(boosted)).toBe('ungge-2015-j');
    expect(boosted[0]!.matches[0]!.recent).toBe(true);
  });

  it('groups terms of kinds users added, and of unknown kinds last', () => {
    const doc = starter();
    setKind(doc, { id: 'theme', label: 'Theme', color: '#b54708', order: 0 });
    upsertTerm(doc, { id: 'theme-ci', kind: 'theme', label: 'Critical infrastructure', description: '' });
    upsertTerm(doc, { id: 'odd', kind: 'mystery', label: 'Critical oddity', description: '' });
    const groups = searchTerms(readTaxonomy(doc), 'critical');
    expect(groups[0]!.id).toBe('theme');
    expect(groups.at(-1)).toMatchObject({ id: 'mystery', label: 'mystery' });
  });

  it('caps matches per kind', () => {
    const groups = searchTerms(readTaxonomy(starter()), '', { limitPerKind: 3 });
    for (const group of groups) expect(group.matches.length).toBeLessThanOrEqual(3);
  });
});

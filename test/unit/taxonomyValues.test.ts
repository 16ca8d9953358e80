import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateTermInput, type TermDraft } from '../../client/taxonomy/validateTermInput.ts';
import type { ReportDocument } from '../../shared/export/ReportModel.ts';
import { toWebAnnotations } from '../../shared/export/webAnnotations.ts';
import { readTaxonomy, setKind, upsertTerm } from '../../shared/taxonomy/taxonomyDoc.ts';
import { exportTaxonomy, validateTaxonomyFile, TAXONOMY_FORMAT, TAXONOMY_VERSION } from '../../shared/taxonomy/taxonomyJson.ts';
import { DEFAULT_KIND_COLOR, hexColor, httpUrl } from '../../shared/taxonomy/taxonomyValues.ts';

const HOSTILE_URLS = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', '//evil.example/x', '/relative', 'not a url'];
const HOSTILE_COLORS = ['url(https://evil.example/x.png)', 'red', '#fff', '#12345', '#1234567', 'expression(alert(1))', '#00000g', 'var(--x)'];

/** A taxonomy document written raw, as a client that skips every form could write the room. */
function rawTaxonomy(sourceUrl: unknown, color: unknown): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const kind = new Y.Map<unknown>();
    kind.set('label', 'Norm');
    kind.set('color', color);
    kind.set('order', 1);
    doc.getMap('kinds').set('norm', kind);
    const term = new Y.Map<unknown>();
    term.set('kind', 'norm');
    term.set('label', 'A norm');
    term.set('sourceUrl', sourceUrl);
    doc.getMap('terms').set('a-norm', term);
  });
  return doc;
}

describe('taxonomy values', () => {
  it('keeps only absolute http(s) addresses and exact #rrggbb colours', () => {
    for (const url of HOSTILE_URLS) expect(httpUrl(url), url).toBeUndefined();
    expect(httpUrl(42)).toBeUndefined();
    expect(httpUrl(' https://www.un.org/a b ')).toBe('https://www.un.org/a%20b');
    expect(httpUrl('HTTP://Example.org')).toBe('http://example.org/');
    for (const color of HOSTILE_COLORS) expect(hexColor(color), color).toBeUndefined();
    expect(hexColor('#0E7490')).toBe('#0e7490');
  });

  it('reads a raw taxonomy room without its hostile link or colour', () => {
    for (const url of [...HOSTILE_URLS, 7, { href: 'javascript:alert(1)' }]) {
      const term = readTaxonomy(rawTaxonomy(url, '#0e7490')).terms.get('a-norm')!;
      expect(term.sourceUrl, String(url)).toBeUndefined();
      expect(term.label).toBe('A norm');
    }
    for (const color of [...HOSTILE_COLORS, undefined, 12]) {
      expect(readTaxonomy(rawTaxonomy('https://x.example', color)).kinds.get('norm')!.color, String(color)).toBe(DEFAULT_KIND_COLOR);
    }
    const fine = readTaxonomy(rawTaxonomy('https://www.un.org/gge', '#0E7490'));
    expect(fine.terms.get('a-norm')!.sourceUrl).toBe('https://www.un.org/gge');
    expect(fine.kinds.get('norm')!.color).toBe('#0e7490');
  });

  it('exports neither as JSON nor as Web Annotations what was written raw', () => {
    const taxonomy = readTaxonomy(rawTaxonomy('data:text/html,<h1>x</h1>', 'url(https://evil.example/x)'));
    const json = JSON.stringify(exportTaxonomy(taxonomy));
    expect(json).not.toContain('data:');
    expect(json).not.toContain('url(');
    const document: ReportDocument = {
      id: 'doc',
      title: 'Doc',
      kind: 'contribution',
      showTitle: true,
      content: { type: 'doc', content: [] },
      text: 'The tagged words here.',
      passages: [{ id: 'p1', documentId: 'doc', termIds: ['a-norm'], quote: 'tagged', ranges: [{ from: 4, to: 10 }], author: { id: 'm1', name: 'A', color: '#000000' }, createdAt: 0, note: 1 }],
      threads: [],
    };
    const links = { origin: 'https://normspace.example', workspaceId: 'ws' };
    expect(JSON.stringify(toWebAnnotations([document], taxonomy, links, 0))).not.toContain('seeAlso');
    // Even a taxonomy built by hand, not read from a document, gives no such link.
    const handmade = { kinds: taxonomy.kinds, terms: new Map([['a-norm', { ...taxonomy.terms.get('a-norm')!, sourceUrl: 'javascript:alert(1)' }]]) };
    expect(JSON.stringify(toWebAnnotations([document], handmade, links, 0))).not.toContain('javascript');
    const withSource = readTaxonomy(rawTaxonomy('https://www.un.org/gge', '#0e7490'));
    expect(JSON.stringify(toWebAnnotations([document], withSource, links, 0))).toContain('"seeAlso":"https://www.un.org/gge"');
  });

  it('writes no hostile value through setKind and upsertTerm', () => {
    const doc = new Y.Doc();
    setKind(doc, { id: 'norm', label: 'Norm', color: 'url(https://evil.example/x)', order: 1 });
    upsertTerm(doc, { id: 'a-norm', kind: 'norm', label: 'A norm', description: '', sourceUrl: 'javascript:alert(1)' });
    expect((doc.getMap('kinds').get('norm') as Y.Map<unknown>).get('color')).toBe(DEFAULT_KIND_COLOR);
    expect((doc.getMap('terms').get('a-norm') as Y.Map<unknown>).get('sourceUrl')).toBe('');
  });

  it('refuses hostile values in a taxonomy file, naming them', () => {
    const file = (sourceUrl: string, color: string) => ({
      format: TAXONOMY_FORMAT,
      version: TAXONOMY_VERSION,
      kinds: [{ id: 'norm', label: 'Norm', color, order: 1 }],
      terms: [{ id: 'a-norm', kind: 'norm', label: 'A norm', sourceUrl }],
    });
    const empty = { kinds: new Map(), terms: new Map() };
    for (const url of HOSTILE_URLS) {
      const result = validateTaxonomyFile(file(url, '#0e7490'), empty);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.errors.join()).toMatch(/sourceUrl must be an http\(s\) URL/);
    }
    for (const color of HOSTILE_COLORS) expect(validateTaxonomyFile(file('https://x.example', color), empty).ok, color).toBe(false);
    expect(validateTaxonomyFile(file('https://x.example', '#0e7490'), empty).ok).toBe(true);
  });

  it('refuses hostile sources in the term form', () => {
    const taxonomy = readTaxonomy(rawTaxonomy('https://x.example', '#0e7490'));
    const draft = (sourceUrl: string): TermDraft => ({ id: 'new-term', kind: 'norm', label: 'New', description: '', parentId: '', sourceUrl });
    for (const url of HOSTILE_URLS) expect(validateTermInput(draft(url), taxonomy, true).sourceUrl, url).toMatch(/http:\/\/ or https:\/\//);
    expect(validateTermInput(draft('https://www.un.org'), taxonomy, true)).toEqual({});
    expect(validateTermInput(draft(''), taxonomy, true)).toEqual({});
  });
});

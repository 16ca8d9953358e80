import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OverlapAnalysis } from '../../shared/analysis/OverlapAnalysis.ts';
import type { Passage } from '../../shared/analysis/Passage.ts';
import { classifyNorms } from '../../shared/analysis/classifyNorms.ts';
import { cCoefficient, cooccurrenceTable } from '../../shared/analysis/cooccurrenceTable.ts';
import { filterPassages } from '../../shared/analysis/filterPassages.ts';
import { termMatrix } from '../../shared/analysis/normAgreementMatrix.ts';
import { stakeholderCoverage } from '../../shared/analysis/stakeholderCoverage.ts';
import { seedTaxonomy } from '../../shared/taxonomy/seedTaxonomy.ts';
import { mergeTerms, readTaxonomy } from '../../shared/taxonomy/taxonomyDoc.ts';

function starter() {
  const doc = new Y.Doc();
  seedTaxonomy(doc);
  return { doc, taxonomy: readTaxonomy(doc) };
}

let offset = 0;
function passage(documentId: string, id: string, termIds: string[], range?: [number, number], author = 'Ana'): Passage {
  const [from, to] = range ?? [offset, (offset += 10)];
  offset += 5;
  return { id, documentId, termIds, ranges: [{ from, to }], quote: id, author: { id: author.toLowerCase(), name: author, color: '#000' }, createdAt: 0 };
}

const GGE = 'abcdefghijk'.split('').map((letter) => `ungge-2015-${letter}`);

/** A fixture shaped like the reference mapping in the domain notes (written for these tests). */
function referenceFixture(): Passage[] {
  const list: Passage[] = [];
  for (const norm of GGE) list.push(passage('report', `endorse-${norm}`, [norm, 'asean-2018', 'g7-dinard']));
  const ties: [string, string[]][] = [
    ['paris-call', ['e', 'f', 'g', 'i']],
    ['eu-toolbox', ['c', 'f']],
    ['gcsc', ['i', 'j']],
    ['tech-accord', ['i', 'j']],
    ['charter-of-trust', ['g', 'i']],
    ['contract-for-the-web', ['e']],
    ['sco-code', ['a', 'e']],
    ['budapest', ['d']],
    ['malabo', ['d']],
  ];
  for (const [agreement, letters] of ties) {
    for (const letter of letters) list.push(passage('background', `${agreement}-${letter}`, [`ungge-2015-${letter}`, agreement]));
  }
  for (const norm of ['paris-3', 'paris-8', 'gcsc-2', 'gcsc-4', 'cftw-2']) list.push(passage('background', norm, [norm, 'cs']));
  return list;
}

function build(passages: Passage[]) {
  const { taxonomy, doc } = starter();
  const analysis = new OverlapAnalysis(taxonomy);
  const byDocument = new Map<string, Passage[]>();
  for (const p of passages) byDocument.set(p.documentId, [...(byDocument.get(p.documentId) ?? []), p]);
  for (const [documentId, list] of byDocument) analysis.setDocument(documentId, list);
  return { analysis, taxonomyDoc: doc };
}

/** Every observable figure, to compare an incrementally updated index with a fresh one. */
function snapshot(analysis: OverlapAnalysis) {
  return {
    norms: classifyNorms(analysis),
    matrix: termMatrix(analysis),
    coverage: stakeholderCoverage(analysis),
    cooc: cooccurrenceTable(analysis, 'norm', 'agreement'),
  };
}

describe('overlap analysis on the reference-shaped fixture', () => {
  const { analysis } = build(referenceFixture());
  const rows = new Map(classifyNorms(analysis).map((row) => [row.normId, row]));

  it('classes supply-chain integrity as horizontal, tied to every agreement that names it', () => {
    const i = rows.get('ungge-2015-i')!;
    expect(i.class).toBe('horizontal');
    expect(i.agreements.map((a) => a.id).sort()).toEqual(
      ['asean-2018', 'charter-of-trust', 'g7-dinard', 'gcsc', 'paris-call', 'tech-accord', 'ungge-2015'].sort(),
    );
    expect(i.passages).toBe(5);
  });

  it('classes principles found in one initiative only as initiative-specific', () => {
    for (const norm of ['paris-3', 'paris-8', 'gcsc-2', 'gcsc-4', 'cftw-2']) {
      expect(rows.get(norm)?.class, norm).toBe('initiative-specific');
    }
    expect(rows.get('paris-3')!.agreements.map((a) => a.id)).toEqual(['paris-call']);
  });

  it('leaves untagged norms out unless asked, then lists them as untied', () => {
    expect(rows.has('paris-1')).toBe(false);
    const all = classifyNorms(analysis, { includeUntagged: true });
    expect(all.find((row) => row.normId === 'paris-1')?.class).toBe('untied');
  });

  it('fills the norms × agreements matrix with unit counts and distinct-unit totals', () => {
    const matrix = termMatrix(analysis);
    const r = matrix.rows.findIndex((row) => row.id === 'ungge-2015-e');
    const cell = (agreement: string) => matrix.cells[r]![matrix.columns.findIndex((c) => c.id === agreement)];
    expect(cell('paris-call')).toBe(1);
    expect(cell('contract-for-the-web')).toBe(1);
    expect(cell('asean-2018')).toBe(1);
    expect(cell('budapest')).toBe(0);
    expect(matrix.rowTotals[r]).toBe(4); // asean+g7 passage, Paris, Contract, SCO: four passages
    const asean = matrix.columns.findIndex((c) => c.id === 'asean-2018');
    expect(matrix.columnTotals[asean]).toBe(11);
  });

  it('counts stakeholder coverage, listing groups with nothing as zero', () => {
    const coverage = new Map(stakeholderCoverage(analysis).map((row) => [row.id, row]));
    expect(coverage.get('cs')).toMatchObject({ passages: 5, documents: 1 });
    expect(coverage.get('gov')).toMatchObject({ passages: 0, documents: 0 });
    expect([...coverage.keys()].sort()).toEqual(['cs', 'gov', 'igo', 'private', 'tech']);
  });

  it('computes co-occurrence with the c-coefficient', () => {
    expect(cCoefficient(4, 4, 4)).toBe(1);
    expect(cCoefficient(3, 2, 1)).toBeCloseTo(0.25);
    expect(cCoefficient(0, 0, 0)).toBe(0);
    const row = cooccurrenceTable(analysis, 'norm', 'agreement').find((r) => r.a.id === 'ungge-2015-d' && r.b.id === 'budapest')!;
    expect(row).toMatchObject({ n1: 3, n2: 1, n12: 1 });
    expect(row.c).toBeCloseTo(1 / 3);
  });

  it('filters passages with AND, OR, NOT and by author', () => {
    expect(filterPassages(analysis, { all: ['ungge-2015-i', 'paris-call'] }).map((p) => p.id)).toEqual(['paris-call-i']);
    expect(filterPassages(analysis, { any: ['budapest', 'malabo'] })).toHaveLength(2);
    expect(filterPassages(analysis, { all: ['ungge-2015-d'], none: ['asean-2018'] }).map((p) => p.id).sort()).toEqual(['budapest-d', 'malabo-d']);
    expect(filterPassages(analysis, { author: 'Nobody' })).toEqual([]);
  });
});

describe('overlap analysis mechanics', () => {
  it('counts overlapping passages in one document as one unit, apart ones separately', () => {
    const { analysis } = build([
      passage('d', 'norm', ['ungge-2015-j'], [0, 20]),
      passage('d', 'agreement', ['gcsc'], [15, 30]),
      passage('d', 'far', ['tech-accord'], [40, 50]),
      passage('e', 'elsewhere', ['paris-call'], [0, 20]), // same offsets, other document: no overlap
    ]);
    expect(analysis.cooccurrence('ungge-2015-j', 'gcsc')).toBe(1);
    expect(analysis.cooccurrence('ungge-2015-j', 'tech-accord')).toBe(0);
    expect(analysis.cooccurrence('ungge-2015-j', 'paris-call')).toBe(0);
    expect(analysis.passagesWithBoth('ungge-2015-j', 'gcsc').map((p) => p.id).sort()).toEqual(['agreement', 'norm']);
  });

  it('leaves orphaned passages out of every count but keeps them listed', () => {
    const orphan: Passage = { ...passage('d', 'gone', ['ungge-2015-a', 'paris-call']), ranges: [] };
    const { analysis } = build([orphan]);
    expect(analysis.passageCount('ungge-2015-a')).toBe(0);
    expect(analysis.cooccurrence('ungge-2015-a', 'paris-call')).toBe(0);
    expect(filterPassages(analysis, { includeOrphaned: true }).map((p) => p.id)).toEqual(['gone']);
  });

  it('moves every count to the survivor when two terms are merged', () => {
    const { analysis, taxonomyDoc } = build([
      passage('d', 'p1', ['paris-5', 'cs']),
      passage('d', 'p2', ['gcsc-4', 'gov']),
    ]);
    expect(mergeTerms(taxonomyDoc, 'gcsc-4', 'paris-5')).toEqual({ ok: true });
    analysis.setTaxonomy(readTaxonomy(taxonomyDoc));
    expect(analysis.passageCount('paris-5')).toBe(2);
    expect(analysis.passageCount('gcsc-4')).toBe(0);
    expect(analysis.cooccurrence('paris-5', 'gov')).toBe(1);
    expect(classifyNorms(analysis).map((row) => row.normId)).not.toContain('gcsc-4');
  });

  it('gives the same figures after any sequence of incremental changes as a fresh computation', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const terms = ['ungge-2015-a', 'ungge-2015-i', 'paris-5', 'paris-call', 'gcsc', 'cs', 'gov', 'private', 'inc-notpetya'];
    const docs = new Map<string, Passage[]>([['d1', []], ['d2', []]]);
    const { analysis } = build([]);
    const { taxonomy } = starter();
    for (let step = 0; step < 300; step++) {
      const documentId = random() < 0.5 ? 'd1' : 'd2';
      const list = [...docs.get(documentId)!];
      const choice = random();
      if (choice < 0.4 || list.length === 0) {
        const from = Math.floor(random() * 200);
        list.push(passage(documentId, `p${step}`, terms.filter(() => random() < 0.3), [from, from + 1 + Math.floor(random() * 30)]));
      } else if (choice < 0.7) {
        const index = Math.floor(random() * list.length);
        list[index] = { ...list[index]!, termIds: terms.filter(() => random() < 0.3) }; // retag only
      } else if (choice < 0.85) {
        const index = Math.floor(random() * list.length);
        const from = Math.floor(random() * 200);
        list[index] = { ...list[index]!, ranges: random() < 0.2 ? [] : [{ from, to: from + 10 }] };
      } else {
        list.splice(Math.floor(random() * list.length), 1);
      }
      docs.set(documentId, list);
      analysis.setDocument(documentId, list);
      if (step % 25 === 0 || step === 299) {
        const fresh = new OverlapAnalysis(taxonomy);
        for (const [id, passages] of docs) fresh.setDocument(id, passages);
        expect(snapshot(analysis), `step ${step}`).toEqual(snapshot(fresh));
      }
    }
  });

  it('notifies subscribers on every change', () => {
    const { analysis } = build([]);
    let calls = 0;
    const unsubscribe = analysis.subscribe(() => calls++);
    analysis.setDocument('d', [passage('d', 'x', ['cs'])]);
    analysis.removeDocument('d');
    unsubscribe();
    analysis.setDocument('d', []);
    expect(calls).toBe(2);
  });
});

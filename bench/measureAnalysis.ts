import * as Y from 'yjs';
import { OverlapAnalysis } from '../shared/analysis/OverlapAnalysis.ts';
import type { Passage } from '../shared/analysis/Passage.ts';
import { classifyNorms } from '../shared/analysis/classifyNorms.ts';
import { termMatrix } from '../shared/analysis/normAgreementMatrix.ts';
import { stakeholderCoverage } from '../shared/analysis/stakeholderCoverage.ts';
import { seedTaxonomy } from '../shared/taxonomy/seedTaxonomy.ts';
import { readTaxonomy, upsertTerm } from '../shared/taxonomy/taxonomyDoc.ts';

export interface AnalysisFigures {
  annotations: number;
  terms: number;
  documents: number;
  firstComputationMs: number;
  remoteTagChangeMedianMs: number;
  remoteTagChangeP95Ms: number;
  remoteTagChangeMaxMs: number;
  /** a tag change plus re-reading the sidebar views (norm classes, matrix, coverage) */
  tagChangeWithViewsMedianMs: number;
}

/**
 * Issue 4's analysis benchmark: `annotations` passages over `terms` terms spread across
 * `documents` documents (three tags each; one passage in seven spans the next two, so overlaps
 * and nesting occur); the first full computation, then single remote tag changes.
 */
export function measureAnalysis(annotations = 10_000, terms = 500, documents = 20, changes = 200): AnalysisFigures {
  const doc = new Y.Doc();
  seedTaxonomy(doc);
  let taxonomy = readTaxonomy(doc);
  const kinds = ['norm', 'agreement', 'stakeholder', 'incident'];
  for (let i = taxonomy.terms.size; i < terms; i++) {
    upsertTerm(doc, { id: `extra-${i}`, kind: kinds[i % 4]!, label: `Extra term ${i}`, description: '' });
  }
  taxonomy = readTaxonomy(doc);
  const termIds = [...taxonomy.terms.keys()];
  let seed = 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const pick = () => termIds[Math.floor(random() * termIds.length)]!;
  const byDocument = new Map<string, Passage[]>();
  for (let i = 0; i < annotations; i++) {
    const documentId = `doc-${i % documents}`;
    const list = byDocument.get(documentId) ?? [];
    // sentences and paragraphs, one passage in seven a longer stretch overlapping the next ones
    const base = list.length * 100;
    const long = random() < 1 / 7;
    const from = long ? base : base + Math.floor(random() * 30);
    const to = long ? base + 250 : from + 20 + Math.floor(random() * 40);
    list.push({
      id: `a${i}`,
      documentId,
      termIds: [pick(), pick(), pick()],
      ranges: [{ from, to }],
      quote: '',
      author: { id: 'm-bench', name: 'Bench', color: '#000' },
      createdAt: i,
    });
    byDocument.set(documentId, list);
  }

  const analysis = new OverlapAnalysis(taxonomy);
  const start = performance.now();
  for (const [documentId, list] of byDocument) analysis.setDocument(documentId, list);
  const firstComputationMs = performance.now() - start;

  const times: number[] = [];
  const withViews: number[] = [];
  for (let i = 0; i < changes; i++) {
    const documentId = `doc-${i % documents}`;
    const list = [...byDocument.get(documentId)!];
    const index = Math.floor(random() * list.length);
    list[index] = { ...list[index]!, termIds: [pick(), pick()] };
    byDocument.set(documentId, list);
    const t0 = performance.now();
    analysis.setDocument(documentId, list);
    const t1 = performance.now();
    classifyNorms(analysis);
    termMatrix(analysis);
    stakeholderCoverage(analysis);
    const t2 = performance.now();
    times.push(t1 - t0);
    withViews.push(t2 - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    annotations,
    terms: termIds.length,
    documents,
    firstComputationMs,
    remoteTagChangeMedianMs: median(times),
    remoteTagChangeP95Ms: sorted[Math.floor(sorted.length * 0.95)]!,
    remoteTagChangeMaxMs: sorted.at(-1)!,
    tagChangeWithViewsMedianMs: median(withViews),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(measureAnalysis(1000, 500, 20, 20)); // warm-up
  console.log('10k over 20 docs', measureAnalysis());
  console.log('10k in 1 doc', measureAnalysis(10_000, 500, 1));
}

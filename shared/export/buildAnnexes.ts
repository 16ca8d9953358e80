import { classifyNorms } from '../analysis/classifyNorms.ts';
import { termMatrix } from '../analysis/normAgreementMatrix.ts';
import { OverlapAnalysis } from '../analysis/OverlapAnalysis.ts';
import type { Passage } from '../analysis/Passage.ts';
import { stakeholderCoverage } from '../analysis/stakeholderCoverage.ts';
import { termsOfKind } from '../analysis/termsOfKind.ts';
import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';
import type { AnnexPassage, Annexes } from './Annexes.ts';
import type { AnnexKind, TagPlacement } from './ExportRequest.ts';
import type { ReportDocument } from './ReportModel.ts';
import { termLabel } from './termLabel.ts';

/**
 * The annexes of a report, computed by the same pure analysis the sidebar uses, over the
 * exported documents only.
 */
export function buildAnnexes(taxonomy: Taxonomy, documents: readonly ReportDocument[], kinds: readonly AnnexKind[], tags: TagPlacement): Annexes {
  const annexes: Annexes = {};
  const wanted = new Set(kinds);
  const annexPassage = (document: ReportDocument, passage: ReportDocument['passages'][number]): AnnexPassage => ({
    documentTitle: document.title,
    quote: passage.quote,
    tags: passage.termIds.map((id) => termLabel(taxonomy, id)),
    note: passage.note,
  });
  if (tags === 'annex') {
    annexes.taggedPassages = documents.flatMap((document) => document.passages.map((passage) => annexPassage(document, passage)));
  }
  if (wanted.size === 0) return annexes;

  const analysis = new OverlapAnalysis(taxonomy);
  for (const document of documents) {
    const passages: Passage[] = document.passages.map((passage) => ({
      id: passage.id,
      documentId: document.id,
      termIds: passage.termIds,
      ranges: passage.ranges,
      quote: passage.quote,
      author: passage.author,
      createdAt: passage.createdAt,
    }));
    analysis.setDocument(document.id, passages);
  }
  if (wanted.has('norm-classes')) {
    const rows = classifyNorms(analysis);
    annexes.normClasses = {
      horizontal: rows.filter((row) => row.class === 'horizontal'),
      initiativeSpecific: rows.filter((row) => row.class === 'initiative-specific'),
    };
  }
  if (wanted.has('matrix')) annexes.matrix = termMatrix(analysis);
  if (wanted.has('coverage')) annexes.coverage = stakeholderCoverage(analysis);
  if (wanted.has('passages-by-norm')) {
    const byDocument = new Map(documents.map((document) => [document.id, { document, passages: new Map(document.passages.map((passage) => [passage.id, passage])) }]));
    annexes.passagesByNorm = termsOfKind(taxonomy, 'norm', true)
      .map((norm) => ({
        normId: norm.id,
        label: norm.label,
        passages: analysis.passagesWith(norm.id).flatMap((passage) => {
          const entry = byDocument.get(passage.documentId);
          const full = entry?.passages.get(passage.id);
          return entry && full ? [annexPassage(entry.document, full)] : [];
        }),
      }))
      .filter((group) => group.passages.length > 0);
  }
  return annexes;
}

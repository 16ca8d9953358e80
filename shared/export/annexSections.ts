import type { NormRow } from '../analysis/classifyNorms.ts';
import type { Annexes, AnnexPassage } from './Annexes.ts';
import { ANNEX_LABELS, type AnnexKind } from './ExportRequest.ts';

export type AnnexBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; header: string[]; rows: string[][]; /** columns holding counts (right-aligned) */ numeric: boolean[] };

export interface AnnexSection {
  kind: AnnexKind | 'tagged-passages';
  /** "Annex A. …" */
  title: string;
  anchor: string;
  blocks: AnnexBlock[];
}

function table(header: string[], rows: string[][], numericFrom = header.length): AnnexBlock {
  return { type: 'table', header, rows, numeric: header.map((_, index) => index >= numericFrom) };
}

function normTable(rows: NormRow[], empty: string): AnnexBlock {
  if (rows.length === 0) return { type: 'paragraph', text: empty };
  return table(
    ['Norm', 'Agreements', 'Passages'],
    rows.map((row) => [row.label, row.agreements.map((agreement) => agreement.label).join('; '), String(row.passages)]),
    2,
  );
}

function passageTable(passages: AnnexPassage[], withTags: boolean): AnnexBlock {
  return table(
    withTags ? ['No.', 'Document', 'Passage', 'Tags'] : ['No.', 'Document', 'Passage'],
    passages.map((p) => (withTags ? [String(p.note), p.documentTitle, p.quote, p.tags.join('; ')] : [String(p.note), p.documentTitle, p.quote])),
  );
}

/**
 * The annexes of a report as format-neutral headings, paragraphs and tables, in print order and
 * lettered: each writer (HTML, Markdown, DOCX) renders these blocks its own way.
 */
export function annexSections(annexes: Annexes): AnnexSection[] {
  const sections: Omit<AnnexSection, 'title'>[] = [];
  if (annexes.taggedPassages) {
    sections.push({
      kind: 'tagged-passages',
      anchor: 'annex-tagged-passages',
      blocks: [
        { type: 'paragraph', text: 'Every tagged passage of the report, in reading order, with its tags.' },
        annexes.taggedPassages.length > 0 ? passageTable(annexes.taggedPassages, true) : { type: 'paragraph', text: 'No passage is tagged.' },
      ],
    });
  }
  if (annexes.normClasses) {
    sections.push({
      kind: 'norm-classes',
      anchor: 'annex-norm-classes',
      blocks: [
        { type: 'paragraph', text: 'A norm is horizontal when passages tie it to two or more agreements, and initiative-specific when they tie it to exactly one.' },
        { type: 'heading', text: 'Horizontal norms' },
        normTable(annexes.normClasses.horizontal, 'No norm is tied to two or more agreements in these documents.'),
        { type: 'heading', text: 'Initiative-specific norms' },
        normTable(annexes.normClasses.initiativeSpecific, 'No norm is tied to exactly one agreement in these documents.'),
      ],
    });
  }
  if (annexes.matrix) {
    const m = annexes.matrix;
    const blocks: AnnexBlock[] = [
      { type: 'paragraph', text: 'Each cell counts the places where a norm and an agreement are tagged on the same or overlapping words; overlapping passages count once.' },
    ];
    if (m.rows.length === 0 || m.columns.length === 0) blocks.push({ type: 'paragraph', text: 'No norm is tagged together with an agreement yet.' });
    else {
      blocks.push(
        table(
          ['Norm', ...m.columns.map((c) => c.label), 'Total'],
          [
            ...m.rows.map((row, r) => [row.label, ...m.cells[r]!.map((n) => (n === 0 ? '' : String(n))), String(m.rowTotals[r])]),
            ['Total', ...m.columnTotals.map(String), String(m.total)],
          ],
          1,
        ),
      );
    }
    sections.push({ kind: 'matrix', anchor: 'annex-matrix', blocks });
  }
  if (annexes.coverage) {
    sections.push({
      kind: 'coverage',
      anchor: 'annex-coverage',
      blocks: [
        { type: 'paragraph', text: 'Tagged passages and documents per stakeholder group.' },
        table(['Stakeholder group', 'Passages', 'Documents'], annexes.coverage.map((row) => [row.label, String(row.passages), String(row.documents)]), 1),
      ],
    });
  }
  if (annexes.passagesByNorm) {
    const blocks: AnnexBlock[] = [];
    if (annexes.passagesByNorm.length === 0) blocks.push({ type: 'paragraph', text: 'No passage is tagged with a norm.' });
    for (const group of annexes.passagesByNorm) {
      blocks.push({ type: 'heading', text: group.label }, passageTable(group.passages, true));
    }
    sections.push({ kind: 'passages-by-norm', anchor: 'annex-passages-by-norm', blocks });
  }
  return sections.map((section, index) => ({
    ...section,
    title: `Annex ${String.fromCharCode(65 + index)}. ${section.kind === 'tagged-passages' ? 'Tagged passages' : ANNEX_LABELS[section.kind]}`,
  }));
}

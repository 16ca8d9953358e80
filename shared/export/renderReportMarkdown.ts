import type { JSONContent } from '@tiptap/core';
import { commentToPlainText } from '../comments/commentMarkup.ts';
import { DOCUMENT_KIND_LABELS } from '../documentKinds.ts';
import { annexSections, type AnnexBlock } from './annexSections.ts';
import { formatDate, formatDateTime } from './formatDate.ts';
import { escapeMarkdown, renderBlocksMarkdown } from './renderContentMarkdown.ts';
import type { Report } from './ReportModel.ts';
import { termLabelWithKind } from './termLabel.ts';

function noteLabel(node: JSONContent): string {
  if (node.type === 'tagNote') return `[^${Number(node.attrs?.note)}]`;
  if (node.type === 'commentEnd') return `[^c${Number(node.attrs?.number)}]`;
  return '';
}

const cell = (text: string) => escapeMarkdown(text).replace(/\n/g, ' ');

function annexBlock(block: AnnexBlock): string {
  if (block.type === 'heading') return `### ${escapeMarkdown(block.text)}`;
  if (block.type === 'paragraph') return escapeMarkdown(block.text);
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${block.numeric.map((numeric) => (numeric ? ' ---: |' : ' --- |')).join('')}`;
  return [row(block.header), rule, ...block.rows.map(row)].join('\n');
}

/**
 * A report as GitHub-flavoured Markdown: pipe tables, footnotes for tag notes (`[^1]`) and open
 * comments (`[^c1]`), annexes as tables. Annotation highlights have no Markdown form and are left out.
 */
export function renderReportMarkdown(report: Report): string {
  const { options } = report;
  const parts: string[] = [];
  if (options.titlePage) {
    const kind = report.documents.length === 1 ? DOCUMENT_KIND_LABELS[report.documents[0]!.kind] : 'Report';
    parts.push(`# ${escapeMarkdown(report.title)}`, `${escapeMarkdown(report.workspaceName)} · ${kind} · ${formatDate(report.generatedAt)}`);
  }
  const annexes = annexSections(report.annexes);
  if (options.tableOfContents) {
    const toc = report.documents.map((document) => `- ${escapeMarkdown(document.title)}`);
    for (const annex of annexes) toc.push(`- ${escapeMarkdown(annex.title)}`);
    parts.push('## Contents', toc.join('\n'));
  }
  const notes: string[] = [];
  for (const document of report.documents) {
    if (document.showTitle) parts.push(`# ${escapeMarkdown(document.title)}`);
    const body = renderBlocksMarkdown(document.content.content, noteLabel);
    if (body) parts.push(body);
    if (options.tags === 'footnotes') {
      for (const passage of document.passages) {
        if (passage.ranges.length === 0) continue;
        const tags = passage.termIds.map((id) => termLabelWithKind(report.taxonomy, id)).join('; ');
        notes.push(`[^${passage.note}]: ${escapeMarkdown(`${tags}. Tagged by ${passage.author.name}.`)}`);
      }
    }
    for (const thread of document.threads) {
      const comments = thread.comments
        .map((c) => `**${escapeMarkdown(c.author.name)}** (${formatDateTime(c.createdAt)}): ${c.deleted ? '*This comment was deleted.*' : escapeMarkdown(commentToPlainText(c.body)).replace(/\n/g, ' ')}`)
        .join(' — ');
      if (thread.range) notes.push(`[^c${thread.number}]: ${comments}`);
      else notes.push(`[^c${thread.number}]: On deleted words “${escapeMarkdown(thread.quote)}”: ${comments}`);
    }
  }
  for (const annex of annexes) parts.push(`# ${escapeMarkdown(annex.title)}`, ...annex.blocks.map(annexBlock));
  // Comments on deleted words have no place in the text: reference them from a closing list.
  const orphans = report.documents.flatMap((d) => d.threads.filter((t) => !t.range).map((t) => `[^c${t.number}]`));
  if (orphans.length > 0) parts.push(`Comments on deleted text: ${orphans.join(' ')}`);
  if (notes.length > 0) parts.push(notes.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

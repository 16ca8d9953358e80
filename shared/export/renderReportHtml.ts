import { commentToHtml, escapeHtml } from '../comments/commentMarkup.ts';
import { DOCUMENT_KIND_LABELS } from '../documentKinds.ts';
import { annexSections, type AnnexBlock } from './annexSections.ts';
import { formatDate, formatDateTime } from './formatDate.ts';
import { chapterAnchor, outline } from './outline.ts';
import { GENERATED_ATTRIBUTE, renderBlocks } from './renderContentHtml.ts';
import { reportCss } from './reportCss.ts';
import type { Report, ReportDocument, ReportThread } from './ReportModel.ts';
import { termLabel, termLabelWithKind } from './termLabel.ts';

const G = GENERATED_ATTRIBUTE;

function renderAnnexBlock(block: AnnexBlock, matrix: boolean): string {
  if (block.type === 'heading') return `<h3>${escapeHtml(block.text)}</h3>\n`;
  if (block.type === 'paragraph') return `<p>${escapeHtml(block.text)}</p>\n`;
  const cell = (tag: 'th' | 'td', text: string, column: number) =>
    `<${tag}${block.numeric[column] ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${block.header.map((text, i) => cell('th', text, i)).join('')}</tr>`;
  const rows = block.rows.map((row) => `<tr>${row.map((text, i) => cell(i === 0 && matrix ? 'th' : 'td', text, i)).join('')}</tr>`).join('\n');
  return `<table${matrix ? ' class="matrix"' : ''}>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n`;
}

function renderThread(thread: ReportThread): string {
  const comments = thread.comments
    .map((comment, index) => {
      const body = comment.deleted ? '<em>This comment was deleted.</em>' : commentToHtml(comment.body);
      return `<div class="comment${index > 0 ? ' reply' : ''}"><span class="who">${escapeHtml(comment.author.name)}</span> <span class="when">${formatDateTime(comment.createdAt)}</span><div>${body}</div></div>`;
    })
    .join('\n');
  const back = thread.range ? ` <a href="#comment-ref-${thread.number}" aria-label="Back to the text">↩</a>` : ' <em>(the commented words were deleted)</em>';
  return `<li id="comment-${thread.number}" class="comment-thread"><blockquote>${escapeHtml(thread.quote)}</blockquote>${back}\n${comments}</li>`;
}

function renderChapter(report: Report, document: ReportDocument, index: number): string {
  const footnotes = report.options.tags === 'footnotes';
  const tagsByAnnotation = footnotes ? new Map(document.passages.map((p) => [p.id, p.termIds])) : null;
  const tagTitles = new Map(document.passages.map((p) => [p.id, p.termIds.map((id) => termLabel(report.taxonomy, id)).join(', ')]));
  const title = document.showTitle ? `<h1 id="${chapterAnchor(index)}">${escapeHtml(document.title)}</h1>\n` : '';
  let html = `<section class="chapter" id="${document.showTitle ? `doc-${escapeHtml(document.id)}` : chapterAnchor(index)}" data-document-id="${escapeHtml(document.id)}">\n${title}`;
  html += renderBlocks(document.content.content, { documentIndex: index, tagsByAnnotation, tagTitles });
  const notes = footnotes ? document.passages.filter((p) => p.ranges.length > 0) : [];
  if (notes.length > 0) {
    html += `<section class="notes" ${G}><h2>Notes</h2>\n<ol>\n`;
    for (const passage of notes) {
      const tags = passage.termIds.map((id) => escapeHtml(termLabelWithKind(report.taxonomy, id))).join('; ');
      html += `<li id="note-${passage.note}" value="${passage.note}">${tags}. Tagged by ${escapeHtml(passage.author.name)}. <a href="#note-ref-${passage.note}" aria-label="Back to the text">↩</a></li>\n`;
    }
    html += '</ol>\n</section>\n';
  }
  if (document.threads.length > 0) {
    html += `<section class="comments" ${G}><h2>Open comments</h2>\n<ol>\n${document.threads.map(renderThread).join('\n')}\n</ol>\n</section>\n`;
  }
  return `${html}</section>\n`;
}

/**
 * A report as one self-contained HTML file: inline styles, no script, no external resource, a
 * Content-Security-Policy that would refuse both anyway, and every character of user text escaped
 * (links only to http(s), mailto and in-page anchors). The PDF is printed from this same HTML.
 */
export function renderReportHtml(report: Report): string {
  const { options } = report;
  const annexes = annexSections(report.annexes);
  let body = '';
  if (options.titlePage) {
    const list = report.documents.length > 1 ? `<ol>${report.documents.map((d) => `<li>${escapeHtml(d.title)}</li>`).join('')}</ol>` : '';
    const kind = report.documents.length === 1 ? DOCUMENT_KIND_LABELS[report.documents[0]!.kind] : 'Report';
    body += `<header class="title-page" ${G}>\n<h1>${escapeHtml(report.title)}</h1>\n<p class="subtitle">${escapeHtml(report.workspaceName)}</p>\n<p class="meta">${escapeHtml(kind)} · ${formatDate(report.generatedAt)}</p>\n${list}\n</header>\n`;
  }
  if (options.tableOfContents) {
    const entries = [...outline(report), ...annexes.map((a) => ({ anchor: a.anchor, level: 1, text: a.title }))];
    body += `<nav class="toc" aria-labelledby="toc-title" ${G}>\n<h2 id="toc-title">Contents</h2>\n<ol>\n${entries
      .map((e) => `<li class="level-${e.level}"><a href="#${e.anchor}">${escapeHtml(e.text)}</a></li>`)
      .join('\n')}\n</ol>\n</nav>\n`;
  }
  body += report.documents.map((document, index) => renderChapter(report, document, index)).join('');
  for (const annex of annexes) {
    body += `<section class="annex" id="${annex.anchor}" ${G}>\n<h1>${escapeHtml(annex.title)}</h1>\n${annex.blocks.map((b) => renderAnnexBlock(b, annex.kind === 'matrix')).join('')}</section>\n`;
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Normspace">
<title>${escapeHtml(report.title)}</title>
<style>${reportCss(options.pageSize)}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}

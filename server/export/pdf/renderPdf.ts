import { DOCUMENT_KIND_LABELS } from '../../../shared/documentKinds.ts';
import { annexSections, type AnnexSection } from '../../../shared/export/annexSections.ts';
import { commentRuns } from '../../../shared/export/commentRuns.ts';
import { formatDate, formatDateTime } from '../../../shared/export/formatDate.ts';
import { textRun, type InlineRun } from '../../../shared/export/inlineRuns.ts';
import { chapterAnchor, outline } from '../../../shared/export/outline.ts';
import type { Report, ReportDocument, ReportThread } from '../../../shared/export/ReportModel.ts';
import { termLabelWithKind } from '../../../shared/export/termLabel.ts';
import { PdfFlow, type RunStyle } from './PdfFlow.ts';
import { THEME } from './pdfTheme.ts';
import { writeContentBlocks } from './writeContentBlocks.ts';
import { writeTable } from './writeTable.ts';
import { writeTableOfContents, tocPagesNeeded } from './writeTableOfContents.ts';

const SMALL: RunStyle = { family: 'sans', size: THEME.small.size, lineGap: THEME.small.lineGap, gap: THEME.small.gap, color: THEME.text.color };

function writeTitlePage(flow: PdfFlow, report: Report): void {
  const { doc } = flow;
  const kind = report.documents.length === 1 ? DOCUMENT_KIND_LABELS[report.documents[0]!.kind] : 'Report';
  doc.y = doc.page.height * 0.3;
  flow.line(kind.toUpperCase(), { family: 'sans', bold: true, size: 10, lineGap: 0, gap: 10, color: THEME.muted });
  flow.runs([textRun(report.title)], { family: 'sans', bold: true, size: 28, lineGap: 2, gap: 14, color: THEME.headingColor, structType: 'H1' });
  flow.line(report.workspaceName, { family: 'sans', size: 14, lineGap: 2, gap: 26, color: '#3b4a5e' });
  flow.artifact(() => doc.lineWidth(1).moveTo(flow.left, doc.y).lineTo(flow.left + 120, doc.y).stroke(THEME.headingColor));
  flow.space(14);
  flow.line(formatDate(report.generatedAt), { family: 'sans', size: 11, lineGap: 0, gap: 18, color: THEME.muted });
  if (report.documents.length > 1) {
    report.documents.forEach((document, index) => flow.line(`${index + 1}. ${document.title}`, { family: 'sans', size: 11, lineGap: 1, gap: 3, color: '#333333' }));
  }
}

/** A numbered entry (note or comment) with its number in a hanging column that links back to the text. */
function writeNumbered(flow: PdfFlow, label: string, back: string | undefined, destination: string, body: InlineRun[], style: RunStyle, more?: (x: number) => void): void {
  const { doc } = flow;
  const indent = 26;
  flow.ensureSpace(flow.lineHeight(style) * 2);
  const top = doc.y;
  flow.group('LI', () => {
    flow.tag('Lbl', () => {
      doc.font('sans-bold').fontSize(style.size).fillColor(back ? THEME.link : THEME.muted);
      doc.text(label, flow.left, top, { width: indent - 4, lineBreak: false, destination, ...(back ? { goTo: back } : {}) });
    });
    doc.y = top;
    const bodyStyle = { ...style, x: flow.left + indent, width: flow.width - indent };
    if (!more) flow.runs(body, { ...bodyStyle, structType: 'LBody' });
    else {
      flow.group('LBody', () => {
        flow.runs(body, bodyStyle);
        more(flow.left + indent);
      });
    }
  });
}

function writeNotes(flow: PdfFlow, report: Report, document: ReportDocument): void {
  const notes = document.passages.filter((passage) => passage.ranges.length > 0);
  if (notes.length === 0) return;
  flow.group('Sect', () => {
    flow.heading(2, [textRun('Notes')], undefined);
    flow.group('L', () => {
      for (const passage of notes) {
        const tags = passage.termIds.map((id) => termLabelWithKind(report.taxonomy, id)).join('; ');
        writeNumbered(flow, `${passage.note}.`, `note-ref-${passage.note}`, `note-${passage.note}`, [textRun(`${tags}. `), textRun(`Tagged by ${passage.author.name}.`, { italic: true })], SMALL);
      }
    });
  });
}

function writeThread(flow: PdfFlow, thread: ReportThread): void {
  const quote = thread.range ? [textRun(`“${thread.quote}”`, { italic: true })] : [textRun(`“${thread.quote}” `, { italic: true }), textRun('(the commented words were deleted)')];
  writeNumbered(flow, `C${thread.number}`, thread.range ? `comment-ref-${thread.number}` : undefined, `comment-${thread.number}`, quote, { ...SMALL, color: THEME.muted }, (left) => {
    thread.comments.forEach((comment, index) => {
      const x = left + (index > 0 ? 14 : 0);
      const width = flow.width - (x - flow.left);
      flow.runs([textRun(comment.author.name, { bold: true }), textRun(`  ${formatDateTime(comment.createdAt)}`)], { ...SMALL, gap: 1, x, width, color: '#333333' });
      const body = comment.deleted ? [textRun('This comment was deleted.', { italic: true })] : commentRuns(comment.body);
      flow.runs(body, { ...SMALL, x, width });
    });
  });
  flow.space(4);
}

function writeChapter(flow: PdfFlow, report: Report, document: ReportDocument, index: number): void {
  if (index > 0) flow.newPage();
  flow.group('Sect', () => {
    if (document.showTitle) flow.heading(1, [textRun(document.title)], chapterAnchor(index));
    writeContentBlocks(flow, document.content.content, index, report.options.tags === 'footnotes');
    if (report.options.tags === 'footnotes') writeNotes(flow, report, document);
    if (document.threads.length > 0) {
      flow.group('Sect', () => {
        flow.heading(2, [textRun('Open comments')], undefined);
        flow.group('L', () => {
          for (const thread of document.threads) writeThread(flow, thread);
        });
      });
    }
  });
}

function writeAnnex(flow: PdfFlow, annex: AnnexSection): void {
  flow.newPage();
  flow.group('Sect', () => {
    flow.heading(1, [textRun(annex.title)], annex.anchor);
    for (const block of annex.blocks) {
      if (block.type === 'heading') flow.heading(3, [textRun(block.text)], undefined);
      else if (block.type === 'paragraph') flow.runs([textRun(block.text)], { family: 'serif', size: THEME.text.size, lineGap: THEME.text.lineGap, gap: THEME.text.gap, color: THEME.text.color });
      else writeTable(flow, { header: block.header, rows: block.rows, numeric: block.numeric, rotateHeader: annex.kind === 'matrix', rowHeaders: annex.kind === 'matrix' });
    }
  });
}

/**
 * A report as a print-ready PDF (A4 or Letter), laid out directly with pdfkit from the same report
 * model as the other formats: title page, table of contents with page numbers, chapters with note
 * and comment marks that link to their entries (and back), notes, open comments, annexes with
 * tables whose header repeats on each page, bookmarks for every heading down to level 3, and a
 * footer with the title and page number. With `taggedPdf`, the structure is tagged for screen
 * readers (sections, headings, paragraphs, lists, tables with header scopes, the contents) and
 * rules, borders and footers are marked as decoration.
 */
export async function renderPdf(report: Report): Promise<Buffer> {
  const { options } = report;
  const flow = new PdfFlow(options.pageSize, { title: report.title, author: report.workspaceName }, options.taggedPdf);
  const annexes = annexSections(report.annexes);
  let footerFrom = 0;
  if (options.titlePage) {
    writeTitlePage(flow, report);
    flow.doc.addPage();
    footerFrom = 1;
  }
  const tocPages: number[] = [];
  const toc = options.tableOfContents ? flow.open('Sect') : undefined;
  if (options.tableOfContents) {
    const entries = outline(report).length + annexes.length;
    for (let i = 0; i < tocPagesNeeded(flow, entries); i++) {
      tocPages.push(flow.pageIndex);
      flow.doc.addPage();
    }
  }
  report.documents.forEach((document, index) => writeChapter(flow, report, document, index));
  for (const annex of annexes) writeAnnex(flow, annex);
  if (options.tableOfContents) {
    flow.within(toc, () => writeTableOfContents(flow, tocPages, flow.headings.filter((heading) => heading.level <= 3)));
    toc?.end();
  }
  return flow.finish(report.title, footerFrom);
}

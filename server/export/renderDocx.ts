import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  TableOfContents,
  TextRun,
  type FileChild,
  type ICommentOptions,
} from 'docx';
import { commentToPlainText } from '../../shared/comments/commentMarkup.ts';
import { DOCUMENT_KIND_LABELS } from '../../shared/documentKinds.ts';
import { annexSections, type AnnexBlock } from '../../shared/export/annexSections.ts';
import { formatDate } from '../../shared/export/formatDate.ts';
import type { Report } from '../../shared/export/ReportModel.ts';
import { termLabelWithKind } from '../../shared/export/termLabel.ts';
import { blocksToDocx, type DocxContentContext } from './docxContent.ts';
import { annexTable } from './annexTable.ts';
import { packDocx } from './packDocx.ts';
import { RawXmlParts } from './RawXmlParts.ts';
import { runXml } from './wordXml.ts';

const PAGE = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } } as const;

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 3).map((part) => part[0]!.toUpperCase()).join('') || '?';
}

/** Paragraph styles of annex table cells: one style carries the size, so a cell's run needs no properties of its own. */
const ANNEX_CELL_STYLES = { normal: 'AnnexCell', small: 'AnnexCellSmall' } as const;

function annexBlock(block: AnnexBlock, small: boolean, raw: RawXmlParts): FileChild {
  if (block.type === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] });
  if (block.type === 'paragraph') return new Paragraph({ children: [new TextRun(block.text)] });
  return annexTable(block, small ? ANNEX_CELL_STYLES.small : ANNEX_CELL_STYLES.normal, raw);
}

/** A paragraph of one plain run (comments and notes: thousands in a long report), its run as raw XML. */
function plainParagraph(text: string, raw: RawXmlParts): Paragraph {
  return new Paragraph({ children: [raw.inline(runXml(text))] });
}

function commentParagraphs(body: string, raw: RawXmlParts): Paragraph[] {
  return commentToPlainText(body)
    .split('\n')
    .map((line) => plainParagraph(line, raw));
}

/**
 * A report as a Word document that opens cleanly in Word and LibreOffice: real heading styles
 * (Heading 1–6, so Word's table of contents and navigation pane work), a title page and a
 * contents field filled in from the headings, tag notes as footnotes, open threads as Word
 * comments with threaded replies, and the annexes as tables. Page numbers in the footer.
 */
export async function renderDocx(report: Report): Promise<Buffer> {
  const { options } = report;
  const raw = new RawXmlParts();
  const comments: ICommentOptions[] = [];
  const commentIds = new Map<number, number>();
  let nextCommentId = 0;
  for (const document of report.documents) {
    for (const thread of document.threads) {
      if (!thread.range) continue;
      const rootId = nextCommentId++;
      commentIds.set(thread.number, rootId);
      thread.comments.forEach((comment, index) => {
        const id = index === 0 ? rootId : nextCommentId++;
        comments.push({
          id,
          author: comment.author.name,
          initials: initials(comment.author.name),
          date: new Date(comment.createdAt),
          ...(index > 0 ? { parentId: rootId } : {}),
          children: comment.deleted ? [new Paragraph({ children: [new TextRun({ text: 'This comment was deleted.', italics: true })] })] : commentParagraphs(comment.body, raw),
        });
      });
    }
  }

  const footnotes: Record<number, { children: Paragraph[] }> = {};
  if (options.tags === 'footnotes') {
    for (const document of report.documents) {
      for (const passage of document.passages) {
        if (passage.ranges.length === 0) continue;
        const tags = passage.termIds.map((id) => termLabelWithKind(report.taxonomy, id)).join('; ');
        footnotes[passage.note] = { children: [plainParagraph(`${tags}. Tagged by ${passage.author.name}.`, raw)] };
      }
    }
  }

  let listInstance = 0;
  const context: DocxContentContext = {
    highlightTags: options.tags === 'footnotes',
    commentIds,
    nextListInstance: () => ++listInstance,
    raw,
  };
  const children: FileChild[] = [];
  if (options.titlePage) {
    const kind = report.documents.length === 1 ? DOCUMENT_KIND_LABELS[report.documents[0]!.kind] : 'Report';
    children.push(
      new Paragraph({ spacing: { before: 3600 }, heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
      new Paragraph({ style: 'Subtitle', children: [new TextRun(report.workspaceName)] }),
      new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: `${kind} · ${formatDate(report.generatedAt)}`, color: '555555' })] }),
    );
    if (report.documents.length > 1) {
      for (const document of report.documents) children.push(new Paragraph({ numbering: { reference: 'ordered', level: 0, instance: 0 }, children: [new TextRun(document.title)] }));
    }
    children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  if (options.tableOfContents) {
    children.push(
      new Paragraph({ style: 'TOCHeading', children: [new TextRun('Contents')] }),
      new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
      new Paragraph({ children: [new PageBreak()] }),
    );
  }
  report.documents.forEach((document, index) => {
    if (index > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    if (document.showTitle) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(document.title)] }));
    children.push(...blocksToDocx(document.content.content, context, {}));
  });
  for (const annex of annexSections(report.annexes)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(annex.title)] }));
    for (const block of annex.blocks) {
      children.push(annexBlock(block, annex.kind === 'matrix', raw));
      if (block.type === 'table') children.push(new Paragraph({}));
    }
  }

  const bulletLevels = Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: ['•', '◦', '▪'][level % 3]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
  const orderedLevels = Array.from({ length: 9 }, (_, level) => ({
    level,
    format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

  const doc = new Document({
    creator: 'Normspace',
    title: report.title,
    description: `Exported from ${report.workspaceName}`,
    features: options.tableOfContents ? { updateFields: true } : undefined,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
        heading1: { run: { font: 'Calibri Light', size: 32, color: '12305A' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: 'Calibri Light', size: 26, color: '12305A' }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
        heading3: { run: { font: 'Calibri', size: 24, bold: true, color: '12305A' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        title: { run: { font: 'Calibri Light', size: 56, color: '12305A' } },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, color: '333333' },
          paragraph: { indent: { left: 567, right: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '9AA9BF', space: 8 } } },
        },
        { id: 'Code', name: 'Code', basedOn: 'Normal', next: 'Normal', run: { font: 'Courier New', size: 19 }, paragraph: { shading: { type: ShadingType.CLEAR, fill: 'F4F5F7', color: 'auto' } } },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 30, color: '3B4A5E' } },
        { id: ANNEX_CELL_STYLES.normal, name: 'Annex cell', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
        { id: ANNEX_CELL_STYLES.small, name: 'Annex cell (small)', basedOn: 'Normal', run: { size: 16 }, paragraph: { spacing: { after: 0 } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font: 'Calibri Light', size: 32, color: '12305A' } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: bulletLevels },
        { reference: 'ordered', levels: orderedLevels },
      ],
    },
    comments: { children: comments },
    footnotes,
    sections: [
      {
        properties: { page: { size: PAGE[options.pageSize], margin: { top: 1247, bottom: 1247, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '555555' })] })] }),
        },
        children,
      },
    ],
  });
  return packDocx(doc, raw);
}

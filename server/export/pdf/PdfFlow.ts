import type { PageSize } from '../../../shared/export/ExportRequest.ts';
import { textRun, type InlineRun } from '../../../shared/export/inlineRuns.ts';
import { PAGE_MARGINS, PAGE_SIZES, THEME } from './pdfTheme.ts';
import { breakLongWords } from './breakLongWords.ts';
import { HighlightingDocument, type HighlightOptions } from './HighlightingDocument.ts';
import { faceOf, registerReportFonts, type FontFamily } from './reportFonts.ts';
import { superscript } from './superscript.ts';

/** Options of a structure element; pdfkit also takes a table header cell's scope (its typings do not list it). */
export type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

/** How a block of runs is set. */
export interface RunStyle {
  family: FontFamily;
  size: number;
  lineGap: number;
  /** Space after the block. */
  gap: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  /** Left edge and width; the text column by default. */
  x?: number;
  width?: number;
  align?: 'left' | 'center' | 'right';
  /** A named destination at the start of the block (what links and the outline jump to). */
  destination?: string;
  /** Give tagged words a highlight behind them (when tags are printed as notes). */
  highlightTags?: boolean;
  /** The structure type the block is tagged with for screen readers (default P). */
  structType?: string;
}

/** A heading's place, for the table of contents. */
export interface PlacedHeading {
  level: number;
  text: string;
  destination: string;
  /** 0-based index of its page. */
  page: number;
}

/**
 * Writes a report into a pdfkit document, top to bottom: runs of formatted text, headings (which
 * become bookmarks), page breaks, and at the end the page footers. Pages are buffered so that
 * pages reserved at the start (the table of contents) can be filled once every heading's page is
 * known.
 */
export class PdfFlow {
  readonly doc: PDFKit.PDFDocument;
  readonly left = PAGE_MARGINS.left;
  readonly width: number;
  readonly headings: PlacedHeading[] = [];
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;
  private readonly bookmarks: { level: number; item: PDFKit.PDFOutline }[] = [];
  /** The structure tree: the root (Document) and the open elements below it. */
  private readonly parents: PDFKit.PDFStructureElement[];

  constructor(pageSize: PageSize, info: { title: string; author: string }, private readonly tagged: boolean) {
    const [pageWidth, pageHeight] = PAGE_SIZES[pageSize];
    this.doc = new HighlightingDocument({
      size: [pageWidth, pageHeight],
      margins: PAGE_MARGINS,
      bufferPages: true,
      pdfVersion: '1.7',
      tagged,
      lang: 'en',
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Creator: 'Normspace', Producer: 'Normspace (pdfkit)' },
    });
    this.width = pageWidth - PAGE_MARGINS.left - PAGE_MARGINS.right;
    registerReportFonts(this.doc);
    // pdfkit waits for every structure element it made to end before it ends the file: an
    // untagged PDF makes none.
    this.parents = [];
    if (tagged) {
      const root = this.doc.struct('Document');
      this.doc.addStructure(root);
      this.parents.push(root);
    }
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** True at the top of a page nothing has been written on. */
  get atPageTop(): boolean {
    return this.doc.y <= this.doc.page.margins.top + 0.5;
  }

  newPage(): void {
    if (!this.atPageTop) this.doc.continueOnNewPage();
  }

  /** Moves to the next page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.continueOnNewPage();
  }

  private get parent(): PDFKit.PDFStructureElement {
    return this.parents.at(-1)!;
  }

  /**
   * Opens a structure element (Sect, L, LI, Table, TR…) under the current one, to be filled later
   * with `within`. In an untagged PDF the structure calls only run what they are given.
   */
  open(type: string): PDFKit.PDFStructureElement | undefined {
    if (!this.tagged) return undefined;
    const element = this.doc.struct(type);
    this.parent.add(element);
    return element;
  }

  /** Runs `build` with `element` as the parent of what it tags. */
  within<T>(element: PDFKit.PDFStructureElement | undefined, build: () => T): T {
    if (!element) return build();
    this.parents.push(element);
    try {
      return build();
    } finally {
      this.parents.pop();
    }
  }

  /** A grouping structure element: everything `build` tags goes inside it. */
  group<T>(type: string, build: () => T): T {
    const element = this.open(type);
    try {
      return this.within(element, build);
    } finally {
      element?.end();
    }
  }

  /** A structure element whose content is what `draw` puts on the page (marked content). */
  tag(type: string, draw: () => void, options: StructOptions = {}): void {
    if (!this.tagged) {
      draw();
      return;
    }
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    this.parent.add(element);
    element.add(draw);
    element.end();
  }

  /** Drawing that is not content (rules, borders, backgrounds, running footers): screen readers skip it. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (!this.tagged) {
      draw();
      return;
    }
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Vertical space, dropped at the top of a page. */
  space(points: number): void {
    if (!this.atPageTop) this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  lineHeight(style: Pick<RunStyle, 'family' | 'size' | 'lineGap'>): number {
    return this.doc.font(faceOf(style.family, false, false)).fontSize(style.size).currentLineHeight(true) + style.lineGap;
  }

  /** Sets one block of runs (a paragraph, a list item's text, a cell) at the current height. */
  runs(runs: readonly InlineRun[], style: RunStyle): void {
    const { doc } = this;
    const x = style.x ?? this.left;
    const width = style.width ?? this.width - (x - this.left);
    const visible = runs.filter((run) => run.text.length > 0);
    if (visible.length === 0) {
      this.space(this.lineHeight(style) + style.gap);
      return;
    }
    this.tag(style.structType ?? 'P', () => this.setRuns(visible, style, x, width));
    doc.x = this.left;
    this.space(style.gap);
  }

  private setRuns(visible: readonly InlineRun[], style: RunStyle, x: number, width: number): void {
    const { doc } = this;
    visible.forEach((run, index) => {
      const last = index === visible.length - 1;
      const face = run.code ? 'mono' : faceOf(style.family, style.bold === true || run.bold, style.italic === true || run.italic);
      const color = run.ref ? (run.ref.kind === 'note' ? THEME.noteRef : THEME.commentRef) : run.href ? THEME.link : style.color;
      doc.font(face).fontSize(run.code ? style.size * 0.9 : style.size).fillColor(color);
      const options: PDFKit.Mixins.TextOptions = {
        continued: !last,
        width,
        lineGap: style.lineGap,
        paragraphGap: 0,
        align: style.align ?? 'left',
        underline: run.underline || run.href !== undefined,
        strike: run.strike,
        link: run.href ?? null,
      };
      // pdfkit gives a continued run every option the run before it set and it leaves undefined:
      // null ends a highlight, a note link or an anchor where its run ends
      const unset = null as unknown as undefined;
      options.destination = index === 0 && style.destination ? style.destination : unset;
      options.goTo = unset;
      (options as HighlightOptions).highlight = style.highlightTags && run.tagged ? THEME.tagHighlight : null;
      let text = breakLongWords(run.text);
      if (run.ref) {
        const { kind, number } = run.ref;
        text = kind === 'note' ? superscript(number) : `ᶜ${superscript(number)}`;
        options.goTo = `${kind}-${number}`;
        options.destination = `${kind}-ref-${number}`;
      }
      if (index === 0) doc.text(text, x, doc.y, options);
      else doc.text(text, options);
    });
  }

  /** One line of plain text in a style. */
  line(text: string, style: RunStyle): void {
    this.runs([textRun(text)], style);
  }

  /**
   * A heading: kept with what follows it, made a bookmark (levels 1–3) and, when it has a
   * destination, recorded for the table of contents.
   */
  heading(level: number, runs: readonly InlineRun[], destination: string | undefined): void {
    const spec = THEME.headings[Math.min(level, THEME.headings.length) - 1]!;
    const style: RunStyle = { family: 'sans', bold: true, size: spec.size, lineGap: 1.5, gap: spec.below, color: THEME.headingColor, structType: `H${Math.min(level, 6)}`, ...(destination ? { destination } : {}) };
    this.space(spec.above);
    this.ensureSpace(this.lineHeight(style) * 2 + this.lineHeight({ family: 'serif', size: THEME.text.size, lineGap: THEME.text.lineGap }) * 3);
    const text = runs.filter((run) => !run.ref).map((run) => run.text).join('').replace(/\s+/g, ' ').trim();
    if (destination) this.headings.push({ level, text, destination, page: this.pageIndex });
    if (level <= 3 && text) this.bookmark(level, text);
    this.runs(runs, style);
  }

  private bookmark(level: number, title: string): void {
    while (this.bookmarks.length > 0 && this.bookmarks.at(-1)!.level >= level) this.bookmarks.pop();
    const parent = this.bookmarks.at(-1)?.item ?? this.doc.outline;
    this.bookmarks.push({ level, item: parent.addItem(title) });
  }

  /** Writes "label · page n / N" at the foot of every page from `firstPage` on, and ends the file. */
  async finish(footerLabel: string, firstPage: number): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let page = Math.max(firstPage, range.start); page < range.start + range.count; page++) {
      doc.switchToPage(page);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - bottomMargin + 24;
      this.artifact(() => {
        doc.font('sans').fontSize(THEME.footer.size).fillColor(THEME.footer.color);
        doc.text(footerLabel, this.left, y, { width: this.width * 0.75, lineBreak: false, ellipsis: true });
        doc.text(`${page + 1} / ${range.count}`, this.left, y, { width: this.width, align: 'right', lineBreak: false });
      }, 'Pagination');
      doc.page.margins.bottom = bottomMargin;
    }
    this.parents[0]?.end();
    doc.end();
    await this.ended;
    return Buffer.concat(this.chunks);
  }
}

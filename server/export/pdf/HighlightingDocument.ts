import PDFDocument from 'pdfkit';

export interface HighlightOptions extends PDFKit.Mixins.TextOptions {
  highlight?: string;
}

/**
 * pdfkit's document with one more text option, `highlight`: a colour filled behind each line
 * of the text (pdfkit draws text a line at a time through `_fragment`, where underlines are drawn
 * too; this draws the highlight first, in its own graphics state).
 */
export class HighlightingDocument extends PDFDocument {
  _fragment(text: string, x: number, y: number, options: HighlightOptions): void {
    if (options.highlight && text.trim().length > 0) {
      const width = this.widthOfString(text.replace(/\s+$/, ''), options);
      this.save();
      this.rect(x, y - 0.5, width, this.currentLineHeight(true)).fill(options.highlight);
      this.restore();
    }
    (PDFDocument.prototype as unknown as { _fragment(text: string, x: number, y: number, options: HighlightOptions): void })._fragment.call(this, text, x, y, options);
  }
}

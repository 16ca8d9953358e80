import PDFDocument from 'pdfkit';

export interface HighlightOptions extends PDFKit.Mixins.TextOptions {
  highlight?: string | null;
}

/** pdfkit's record of the text colour, which it re-applies after a page break and strokes underlines with. */
interface TracksFillColor {
  _fillColor?: unknown;
}

/**
 * pdfkit's document with one more text option, `highlight`: a colour filled behind each line
 * of the text (pdfkit draws text a line at a time through `_fragment`, where underlines are drawn
 * too; this draws the highlight first, in its own graphics state). Filling the highlight also
 * changes the colour pdfkit *remembers* as the text colour (save/restore only restore the PDF's
 * graphics state), and pdfkit re-applies that colour to the text after a page break and strokes
 * underlines with it: so it is put back, or the words after a break are painted in the highlight's
 * colour, invisible on it.
 */
export class HighlightingDocument extends PDFDocument {
  _fragment(text: string, x: number, y: number, options: HighlightOptions): void {
    if (options.highlight && text.trim().length > 0) {
      const width = this.widthOfString(text.replace(/\s+$/, ''), options);
      const textColor = (this as TracksFillColor)._fillColor;
      this.save();
      this.rect(x, y - 0.5, width, this.currentLineHeight(true)).fill(options.highlight);
      this.restore();
      (this as TracksFillColor)._fillColor = textColor;
    }
    (PDFDocument.prototype as unknown as { _fragment(text: string, x: number, y: number, options: HighlightOptions): void })._fragment.call(this, text, x, y, options);
  }
}

import { FileChild, type IXmlableObject, type ParagraphChild } from 'docx';

const TAG = 'normspace-raw';
const PLACEHOLDER = /<normspace-raw n="(\d+)"\/>/g;

/** Stands for a piece of raw XML: docx writes it as an empty placeholder element. */
class RawXml extends FileChild {
  constructor(private readonly index: number) {
    super(TAG);
  }

  override prepForXml(): IXmlableObject {
    return { [TAG]: { _attr: { n: this.index } } };
  }
}

/**
 * WordprocessingML that Normspace writes as text itself, for the bulk of a long report (plain
 * paragraphs, annex rows): docx turns each element into a component, then an object, then text,
 * and for a 100-page report those short-lived-yet-surviving objects cost more in garbage
 * collection than the writing. docx writes a placeholder element for each piece, and `splice`
 * puts the pieces in their place in the written parts. Text in a placeholder's place can never
 * match one: docx escapes every `<` of text and attributes.
 */
export class RawXmlParts {
  private readonly parts: string[] = [];

  /** A body block (paragraph, table) or table rows, as a component of the document. */
  block(xml: string): FileChild {
    return new RawXml(this.parts.push(xml) - 1);
  }

  /** Runs or other paragraph content, as a child of a docx `Paragraph`. */
  inline(xml: string): ParagraphChild {
    // docx takes any component as a paragraph's child, though its type lists only its own classes.
    return this.block(xml) as unknown as ParagraphChild;
  }

  /** A part as written by docx, with the raw XML in place of the placeholders. */
  splice(part: string): string {
    return this.parts.length > 0 && part.includes(`<${TAG} `) ? part.replace(PLACEHOLDER, (_, index: string) => this.parts[Number(index)]!) : part;
  }
}

import * as Y from 'yjs';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';

/**
 * The editor's rich-text structure: the `default` XmlFragment holds paragraphs
 * (`XmlElement('paragraph')`), each with an `XmlText`. Appends a paragraph (in one transaction) and returns its text.
 */
export function appendParagraph(doc: Y.Doc, content = ''): Y.XmlText {
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  doc.transact(() => {
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    if (content) text.insert(0, content);
  });
  return text;
}

/** The text of the first paragraph, or undefined while there is none. */
export function firstParagraphText(doc: Y.Doc): Y.XmlText | undefined {
  const paragraph = doc.getXmlFragment(TEXT_FIELD).get(0);
  if (!(paragraph instanceof Y.XmlElement)) return undefined;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : undefined;
}

/** Plain characters of an XmlText (its formatting, if any, left out). */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

import type * as Y from 'yjs';
import { readAnnotations } from '../annotations/annotationDoc.ts';
import { extractAnchors, quoteOf } from '../annotations/extractAnchors.ts';
import { TEXT_FIELD } from '../editorExtensions.ts';
import type { Passage } from './Passage.ts';

/**
 * The passages of one text document: every annotation record joined with the text its mark is
 * on. A record whose text is gone is kept, orphaned, with its last known quote.
 */
export function passagesFromDocument(documentId: string, doc: Y.Doc): Passage[] {
  const anchors = extractAnchors(doc.getXmlFragment(TEXT_FIELD));
  const passages: Passage[] = [];
  for (const record of readAnnotations(doc).values()) {
    const ranges = anchors.ranges.get(record.id) ?? [];
    passages.push({
      id: record.id,
      documentId,
      termIds: record.tags.map((tag) => tag.termId),
      ranges,
      quote: ranges.length > 0 ? quoteOf(anchors, ranges) : record.quote,
      author: record.createdBy,
      createdAt: record.createdAt,
    });
  }
  return passages.sort((a, b) => (a.ranges[0]?.from ?? Infinity) - (b.ranges[0]?.from ?? Infinity));
}

import type * as Y from 'yjs';
import { passagesFromDocument } from '../analysis/passagesFromDocument.ts';
import { indexFragmentText } from '../annotations/indexFragmentText.ts';
import { TEXT_FIELD } from '../editorExtensions.ts';
import { resolveTextAnchor } from './textAnchor.ts';
import type { ThreadRecord } from './threadsDoc.ts';

/**
 * The terms of the tagged passages each thread's passage overlaps (as stored: merges and the
 * hierarchy are not applied). Orphaned threads have none.
 */
export function threadTerms(documentId: string, textDoc: Y.Doc, threads: readonly ThreadRecord[]): Map<string, Set<string>> {
  const fragment = textDoc.getXmlFragment(TEXT_FIELD);
  const index = indexFragmentText(fragment);
  const passages = passagesFromDocument(documentId, textDoc);
  const result = new Map<string, Set<string>>();
  for (const thread of threads) {
    const terms = new Set<string>();
    const range = thread.anchor ? resolveTextAnchor(fragment, thread.anchor, index) : undefined;
    if (range) {
      for (const passage of passages) {
        if (passage.ranges.some((r) => r.from < range.to && r.to > range.from)) for (const termId of passage.termIds) terms.add(termId);
      }
    }
    result.set(thread.id, terms);
  }
  return result;
}

import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import type { Schema } from '@tiptap/pm/model';
import { readAnnotations } from '../annotations/annotationDoc.ts';
import { extractAnchors, quoteOf } from '../annotations/extractAnchors.ts';
import { indexFragmentText } from '../annotations/indexFragmentText.ts';
import { readThreads } from '../comments/threadsDoc.ts';
import { resolveTextAnchor } from '../comments/textAnchor.ts';
import { TEXT_FIELD } from '../editorExtensions.ts';
import type { DocumentMeta } from '../workspaceIndex.ts';
import type { ReportPassage, ReportThread } from './ReportModel.ts';

/** One document as read from its Yjs state, before notes are numbered and milestones placed. */
export interface DocumentSnapshot {
  meta: DocumentMeta;
  content: JSONContent;
  text: string;
  passages: Omit<ReportPassage, 'note'>[];
  /** Open threads (unresolved, with at least one comment that is not deleted). */
  threads: Omit<ReportThread, 'number'>[];
}

/**
 * Reads a text document (and, when given, its comment threads document) into plain data: the
 * ProseMirror JSON, the plain text, the tagged passages with their ranges and the open threads
 * with the range their anchor resolves to now.
 */
export function readReportDocument(schema: Schema, meta: DocumentMeta, doc: Y.Doc, threadsDoc?: Y.Doc): DocumentSnapshot {
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  const content = yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as JSONContent;
  const index = indexFragmentText(fragment);
  const anchors = extractAnchors(fragment);
  const passages: DocumentSnapshot['passages'] = [];
  for (const record of readAnnotations(doc).values()) {
    if (record.tags.length === 0) continue;
    const ranges = anchors.ranges.get(record.id) ?? [];
    passages.push({
      id: record.id,
      documentId: meta.id,
      termIds: record.tags.map((tag) => tag.termId),
      quote: ranges.length > 0 ? quoteOf(anchors, ranges) : record.quote,
      ranges,
      author: record.createdBy,
      createdAt: record.createdAt,
    });
  }
  passages.sort((a, b) => (a.ranges[0]?.from ?? Infinity) - (b.ranges[0]?.from ?? Infinity) || a.createdAt - b.createdAt);

  const threads: DocumentSnapshot['threads'] = [];
  if (threadsDoc) {
    for (const thread of readThreads(threadsDoc)) {
      if (thread.resolved || !thread.comments.some((comment) => !comment.deleted)) continue;
      const resolved = thread.anchor ? resolveTextAnchor(fragment, thread.anchor, index) : undefined;
      threads.push({
        id: thread.id,
        quote: resolved ? index.text.slice(resolved.from, resolved.to) : (thread.anchor?.quote ?? ''),
        range: resolved && { from: resolved.from, to: resolved.to },
        createdBy: thread.createdBy,
        createdAt: thread.createdAt,
        comments: thread.comments,
      });
    }
    threads.sort((a, b) => (a.range?.from ?? Infinity) - (b.range?.from ?? Infinity) || a.createdAt - b.createdAt);
  }
  return { meta, content, text: index.text, passages, threads };
}

import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { annotationsMap, readAnnotation } from '../annotations/annotationDoc.ts';
import { extractAnchors, quoteOf } from '../annotations/extractAnchors.ts';
import { indexFragmentText } from '../annotations/indexFragmentText.ts';
import * as Y from 'yjs';
import { readThread } from '../comments/threadsDoc.ts';
import { resolveTextAnchor } from '../comments/textAnchor.ts';
import { TEXT_FIELD } from '../editorExtensions.ts';
import type { DocumentMeta } from '../workspaceIndex.ts';
import { EXPORT_MAX_DEPTH, flattenDeepContent, nestingDepth } from './boundNesting.ts';
import type { ReportPassage, ReportThread } from './ReportModel.ts';

/** One document as read from its Yjs state, before notes are numbered and milestones placed. */
export interface DocumentSnapshot {
  meta: DocumentMeta;
  content: JSONContent;
  text: string;
  passages: Omit<ReportPassage, 'note'>[];
  /** Open threads (unresolved, with at least one comment that is not deleted). */
  threads: Omit<ReportThread, 'number'>[];
  /** Tag records and threads left out because they are malformed (a field missing or of the wrong type). */
  skipped: number;
  /** Whether content nested deeper than `EXPORT_MAX_DEPTH` was flattened into paragraphs. */
  flattened: boolean;
}

/**
 * Reads a text document (and, when given, its comment threads document) into plain data: the
 * ProseMirror JSON, the plain text, the tagged passages with their ranges and the open threads
 * with the range their anchor resolves to now. Whatever the documents hold, it answers: a tag record
 * or thread that is malformed is left out and counted in `skipped`, and content nested deeper than
 * `EXPORT_MAX_DEPTH` is read from a flattened copy (`flattened`).
 */
export function readReportDocument(schema: Schema, meta: DocumentMeta, doc: Y.Doc, threadsDoc?: Y.Doc): DocumentSnapshot {
  const original = doc.getXmlFragment(TEXT_FIELD);
  const flattened = nestingDepth(original) > EXPORT_MAX_DEPTH;
  const fragment = flattened ? flattenDeepContent(original) : original;
  const content = yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as JSONContent;
  const index = indexFragmentText(fragment);
  const anchors = extractAnchors(fragment);
  let skipped = 0;
  const passages: DocumentSnapshot['passages'] = [];
  annotationsMap(doc).forEach((entry, id) => {
    const passage = entry instanceof Y.Map ? wellFormed(() => readPassage(id, entry)) : undefined;
    if (passage === undefined) skipped++;
    else if (passage !== null) passages.push(passage);
  });
  passages.sort((a, b) => (a.ranges[0]?.from ?? Infinity) - (b.ranges[0]?.from ?? Infinity) || a.createdAt - b.createdAt);

  function readPassage(id: string, entry: Y.Map<unknown>): DocumentSnapshot['passages'][number] | null {
    const record = readAnnotation(id, entry);
    if (record.tags.length === 0) return null;
    if (!isPerson(record.createdBy) || !Number.isFinite(record.createdAt) || !record.tags.every((tag) => typeof tag.termId === 'string')) throw new Error('malformed');
    const ranges = anchors.ranges.get(record.id) ?? [];
    const quote = ranges.length > 0 ? quoteOf(anchors, ranges) : record.quote;
    if (typeof quote !== 'string') throw new Error('malformed');
    return { id: record.id, documentId: meta.id, termIds: record.tags.map((tag) => tag.termId), quote, ranges, author: record.createdBy, createdAt: record.createdAt };
  }

  const threads: DocumentSnapshot['threads'] = [];
  threadsDoc?.getMap('threads').forEach((entry, id) => {
    const thread = entry instanceof Y.Map ? wellFormed(() => readOpenThread(id, entry as Y.Map<unknown>)) : undefined;
    if (thread === undefined) skipped++;
    else if (thread !== null) threads.push(thread);
  });
  threads.sort((a, b) => (a.range?.from ?? Infinity) - (b.range?.from ?? Infinity) || a.createdAt - b.createdAt);

  function readOpenThread(id: string, entry: Y.Map<unknown>): DocumentSnapshot['threads'][number] | null {
    const thread = readThread(id, entry as Parameters<typeof readThread>[1]);
    if (!thread.comments.every((comment) => typeof comment.body === 'string' && typeof comment.id === 'string' && isPerson(comment.author) && Number.isFinite(comment.createdAt))) {
      throw new Error('malformed');
    }
    if (thread.resolved || !thread.comments.some((comment) => !comment.deleted)) return null;
    const { anchor } = thread;
    if (anchor !== undefined && !(typeof anchor === 'object' && anchor !== null && ['quote', 'prefix', 'suffix'].every((key) => typeof anchor[key as 'quote'] === 'string'))) {
      throw new Error('malformed');
    }
    if (!isPerson(thread.createdBy) || !Number.isFinite(thread.createdAt)) throw new Error('malformed');
    const resolved = anchor ? resolveTextAnchor(fragment, anchor, index) : undefined;
    return {
      id: thread.id,
      quote: resolved ? index.text.slice(resolved.from, resolved.to) : (anchor?.quote ?? ''),
      range: resolved && { from: resolved.from, to: resolved.to },
      createdBy: thread.createdBy,
      createdAt: thread.createdAt,
      comments: thread.comments,
    };
  }

  return { meta, content, text: index.text, passages, threads, skipped, flattened };
}

/** What `read` answers, or undefined when the record it reads is malformed (it throws). */
function wellFormed<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function isPerson(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

import type { JSONContent } from '@tiptap/core';
import type { Person } from '../annotations/annotationDoc.ts';
import type { AnchorRange } from '../annotations/extractAnchors.ts';
import type { CommentRecord, Member } from '../comments/threadsDoc.ts';
import type { DocumentKind } from '../documentKinds.ts';
import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';
import type { Annexes } from './Annexes.ts';
import type { ExportRequest } from './ExportRequest.ts';

/**
 * Everything a report writer needs, already read out of the Yjs documents: writers (HTML,
 * Markdown, DOCX) only walk this model, so every format shows the same content.
 *
 * `content` is the document's ProseMirror JSON with zero-width milestone nodes added at the
 * places notes and comments attach to (see `Milestone`).
 */
export interface ReportDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  /** Title shown as the chapter heading, unless the text starts with a heading of its own. */
  showTitle: boolean;
  content: JSONContent;
  /** Plain text, one "\n" between blocks (the offsets of `ranges` index into it). */
  text: string;
  passages: ReportPassage[];
  /** Open threads when the export includes comments; none otherwise. */
  threads: ReportThread[];
}

export interface ReportPassage {
  id: string;
  documentId: string;
  termIds: string[];
  quote: string;
  ranges: AnchorRange[];
  author: Person;
  createdAt: number;
  /** The number of its note (1-based, across the whole report). */
  note: number;
}

export interface ReportThread {
  id: string;
  quote: string;
  /** Resolved position in `text`, or undefined when the commented words were deleted. */
  range: AnchorRange | undefined;
  createdBy: Member;
  createdAt: number;
  comments: CommentRecord[];
  /** The number of the comment (1-based, across the whole report). */
  number: number;
}

export interface Report {
  title: string;
  workspaceName: string;
  generatedAt: number;
  documents: ReportDocument[];
  taxonomy: Taxonomy;
  annexes: Annexes;
  options: ExportRequest;
}

/** Inline milestone nodes (not in the editor schema): a note reference, and a comment's start and end. */
export type Milestone =
  | { type: 'tagNote'; attrs: { passageId: string; note: number } }
  | { type: 'commentStart'; attrs: { threadId: string; number: number } }
  | { type: 'commentEnd'; attrs: { threadId: string; number: number } };

export const MILESTONE_TYPES = new Set(['tagNote', 'commentStart', 'commentEnd']);

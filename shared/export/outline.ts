import type { JSONContent } from '@tiptap/core';
import type { Report } from './ReportModel.ts';

export interface OutlineEntry {
  /** Stable anchor id of the heading in HTML and bookmark name in DOCX. */
  anchor: string;
  level: number;
  text: string;
}

/** Plain text of an inline run (milestones and breaks ignored). */
export function inlineText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(inlineText).join('');
}

export function chapterAnchor(documentIndex: number): string {
  return `chapter-${documentIndex + 1}`;
}

export function headingAnchor(documentIndex: number, headingIndex: number): string {
  return `chapter-${documentIndex + 1}-h${headingIndex + 1}`;
}

/**
 * The report's headings in order (chapter titles at level 1, then each document's headings at
 * their own level), for the table of contents. Headings deeper than `maxLevel` are left out.
 */
export function outline(report: Report, maxLevel = 3): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  report.documents.forEach((document, documentIndex) => {
    if (document.showTitle) entries.push({ anchor: chapterAnchor(documentIndex), level: 1, text: document.title });
    let headingIndex = 0;
    for (const node of document.content.content ?? []) {
      if (node.type !== 'heading') continue;
      const level = Number(node.attrs?.level ?? 1);
      const anchor = headingAnchor(documentIndex, headingIndex++);
      if (level <= maxLevel) entries.push({ anchor, level, text: inlineText(node) });
    }
  });
  return entries;
}

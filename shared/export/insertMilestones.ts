import type { JSONContent } from '@tiptap/core';
import type { Milestone } from './ReportModel.ts';

export interface PlacedMilestone {
  /** Offset in the document's plain text (the `indexFragmentText` convention). */
  offset: number;
  /** `start` sits before the character at `offset`; `end` after the one before it. */
  side: 'start' | 'end';
  node: Milestone;
}

/**
 * Inserts milestone nodes into a document's ProseMirror JSON at plain-text offsets. The walk
 * counts text exactly as `indexFragmentText` does over the Yjs fragment (every element is a
 * block boundary worth one "\n", never two in a row), so offsets from anchors and comment threads
 * land on the same characters. Milestones whose offset lies in no text are dropped.
 */
export function insertMilestones(doc: JSONContent, milestones: readonly PlacedMilestone[]): JSONContent {
  if (milestones.length === 0) return doc;
  const pending = [...milestones].sort((a, b) => a.offset - b.offset || (a.side === 'end' ? -1 : 1) - (b.side === 'end' ? -1 : 1));
  let cursor = 0;
  let length = 0;
  let endsWithBreak = false;
  const boundary = () => {
    if (length > 0 && !endsWithBreak) {
      length += 1;
      endsWithBreak = true;
    }
  };

  const splitText = (node: JSONContent): JSONContent[] => {
    const text = node.text ?? '';
    const start = length;
    const end = start + text.length;
    const out: JSONContent[] = [];
    let taken = 0;
    while (cursor < pending.length) {
      const milestone = pending[cursor]!;
      const inside = milestone.side === 'start' ? milestone.offset >= start && milestone.offset < end : milestone.offset > start && milestone.offset <= end;
      if (!inside) {
        if (milestone.offset < (milestone.side === 'start' ? start : start + 1)) {
          cursor += 1; // fell between blocks or before this text: nowhere to put it
          continue;
        }
        break;
      }
      const at = milestone.offset - start;
      if (at > taken) out.push({ ...node, text: text.slice(taken, at) });
      out.push(milestone.node as JSONContent);
      taken = at;
      cursor += 1;
    }
    if (taken < text.length) out.push(taken === 0 ? node : { ...node, text: text.slice(taken) });
    length = end;
    if (text.length > 0) endsWithBreak = false;
    return out;
  };

  const walk = (node: JSONContent, isRoot: boolean): JSONContent => {
    if (node.type === 'text') return node;
    if (!isRoot) boundary();
    let content: JSONContent[] | undefined;
    if (node.content) {
      content = [];
      for (const child of node.content) {
        if (child.type === 'text') content.push(...splitText(child));
        else content.push(walk(child, false));
      }
    }
    if (!isRoot) boundary();
    return content ? { ...node, content } : node;
  };
  return walk(doc, true);
}

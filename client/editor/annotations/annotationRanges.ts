import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { ANNOTATION_MARK } from '../../../shared/annotations/extractAnchors.ts';

export interface MarkRange {
  from: number;
  to: number;
  mark: Mark;
}

/** The annotation ids carried by a set of marks, in mark order. */
export function annotationIdsOf(marks: readonly Mark[]): string[] {
  const ids: string[] = [];
  for (const mark of marks) {
    const id = mark.type.name === ANNOTATION_MARK ? (mark.attrs.id as unknown) : undefined;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** Every text range carrying the annotation's mark, in document order, adjacent ranges joined. */
export function annotationRanges(doc: PMNode, id: string): MarkRange[] {
  const ranges: MarkRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((candidate) => candidate.type.name === ANNOTATION_MARK && candidate.attrs.id === id);
    if (!mark) return false;
    const last = ranges.at(-1);
    if (last && last.to === pos) last.to = pos + node.nodeSize;
    else ranges.push({ from: pos, to: pos + node.nodeSize, mark });
    return false;
  });
  return ranges;
}

/** The annotations at a caret position: those of the character after it, else of the one before. */
export function annotationIdsAt(doc: PMNode, pos: number): string[] {
  const $pos = doc.resolve(pos);
  const after = $pos.nodeAfter?.isText ? annotationIdsOf($pos.nodeAfter.marks) : [];
  if (after.length > 0) return after;
  return $pos.nodeBefore?.isText ? annotationIdsOf($pos.nodeBefore.marks) : [];
}

/** The passage's words as they are now in the editor ('' when its text is gone). */
export function passageText(doc: PMNode, id: string): string {
  return annotationRanges(doc, id)
    .map((range) => doc.textBetween(range.from, range.to, ' ', ' '))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

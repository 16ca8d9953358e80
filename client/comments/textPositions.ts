import type { Node as PMNode } from '@tiptap/pm/model';

/** A run of text: where it starts in the plain text and in the ProseMirror document. */
interface Segment {
  offset: number;
  pos: number;
  length: number;
}

/**
 * Maps between plain-text offsets (the convention of `indexFragmentText`: text of every block,
 * one "\n" between blocks, any non-text node counted as a block) and ProseMirror positions.
 */
export interface TextPositions {
  text: string;
  /** ProseMirror position of a plain-text offset (undefined when the text is empty). */
  toPos(offset: number): number | undefined;
  /** Plain-text offset of a ProseMirror position (the nearest text at or after it). */
  toOffset(pos: number): number;
}

export function textPositions(doc: PMNode): TextPositions {
  // Pieces joined once at the end: testing the end of a growing string flattens it every time.
  const pieces: string[] = [];
  let length = 0;
  let endsWithBreak = false;
  const segments: Segment[] = [];
  const blockBoundary = () => {
    if (length === 0 || endsWithBreak) return;
    pieces.push('\n');
    length += 1;
    endsWithBreak = true;
  };
  const walk = (node: PMNode, pos: number, isRoot: boolean) => {
    if (node.isText) {
      const value = node.text ?? '';
      segments.push({ offset: length, pos, length: value.length });
      if (value.length === 0) return;
      pieces.push(value);
      length += value.length;
      endsWithBreak = value.endsWith('\n');
      return;
    }
    const block = !isRoot;
    if (block) blockBoundary();
    // The content of the root starts at 0; of any other node, one step inside it.
    const start = isRoot ? 0 : pos + 1;
    node.forEach((child, childOffset) => walk(child, start + childOffset, false));
    if (block) blockBoundary();
  };
  walk(doc, 0, true);
  const text = pieces.join('');

  /** The index of the first segment that ends at or after `value` (by `key`), segments being in order. */
  const firstEndingAtOrAfter = (value: number, start: (s: Segment) => number) => {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid]!;
      if (start(s) + s.length < value) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  };

  return {
    text,
    toPos(offset) {
      let found: number | undefined;
      for (let i = firstEndingAtOrAfter(offset, (s) => s.offset); i < segments.length; i++) {
        const segment = segments[i]!;
        if (offset >= segment.offset && offset <= segment.offset + segment.length) {
          found = segment.pos + (offset - segment.offset);
          if (offset < segment.offset + segment.length) break; // prefer the run holding the character
        } else if (segment.offset > offset) {
          // In the "\n" between blocks: the start of the next text.
          found ??= segment.pos;
          break;
        }
      }
      if (found === undefined && segments.length > 0) {
        const last = segments.at(-1)!;
        found = last.pos + last.length;
      }
      return found;
    },
    toOffset(pos) {
      for (let i = firstEndingAtOrAfter(pos, (s) => s.pos); i < segments.length; i++) {
        const segment = segments[i]!;
        if (pos <= segment.pos) return segment.offset;
        if (pos <= segment.pos + segment.length) return segment.offset + (pos - segment.pos);
      }
      return text.length;
    },
  };
}

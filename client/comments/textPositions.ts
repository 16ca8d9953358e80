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
  let text = '';
  const segments: Segment[] = [];
  const walk = (node: PMNode, pos: number, isRoot: boolean) => {
    if (node.isText) {
      const value = node.text ?? '';
      segments.push({ offset: text.length, pos, length: value.length });
      text += value;
      return;
    }
    const block = !isRoot;
    if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
    // The content of the root starts at 0; of any other node, one step inside it.
    const start = isRoot ? 0 : pos + 1;
    node.forEach((child, childOffset) => walk(child, start + childOffset, false));
    if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  walk(doc, 0, true);

  return {
    text,
    toPos(offset) {
      let found: number | undefined;
      for (const segment of segments) {
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
      for (const segment of segments) {
        if (pos <= segment.pos) return segment.offset;
        if (pos <= segment.pos + segment.length) return segment.offset + (pos - segment.pos);
      }
      return text.length;
    },
  };
}

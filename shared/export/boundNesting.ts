import * as Y from 'yjs';

/** Deepest nesting of elements an export lays out as it is; deeper content is flattened. */
export const EXPORT_MAX_DEPTH = 64;

/** Elements whose children may be any blocks, paragraphs included (ProseMirror `block+`). */
const BLOCK_CONTAINERS = new Set(['blockquote', 'listItem', 'tableCell', 'tableHeader']);

/** How deeply `fragment`'s elements nest, counted without recursion. */
export function nestingDepth(fragment: Y.XmlFragment): number {
  let deepest = 0;
  const stack: [Y.XmlElement | Y.XmlFragment, number][] = [[fragment, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * A copy of `fragment` whose content nests at most a few levels past `maxDepth`, built without
 * recursion: an element met at `maxDepth` or deeper, where a paragraph may stand, becomes the
 * paragraphs of the text blocks inside it (their text and marks, tags included, kept in order).
 * Everything the report reads and every writer recurses over the copy's bounded tree, so a document of
 * thousands of quotes in quotes exports (flattened) instead of exhausting the stack.
 */
export function flattenDeepContent(fragment: Y.XmlFragment, maxDepth = EXPORT_MAX_DEPTH): Y.XmlFragment {
  const copy = new Y.Doc();
  const target = copy.getXmlFragment('default');
  copy.transact(() => {
    const stack: { source: Y.XmlElement | Y.XmlFragment; into: Y.XmlElement | Y.XmlFragment; depth: number }[] = [{ source: fragment, into: target, depth: 0 }];
    while (stack.length > 0) {
      const { source, into, depth } = stack.pop()!;
      const mayHoldParagraphs = into === target || (into instanceof Y.XmlElement && BLOCK_CONTAINERS.has(into.nodeName));
      for (const child of source.toArray()) {
        if (child instanceof Y.XmlText) {
          appendText(into, child);
        } else if (child instanceof Y.XmlElement) {
          if (depth >= maxDepth && mayHoldParagraphs) {
            for (const block of textBlocksOf(child)) appendParagraph(into, block);
            continue;
          }
          const element = new Y.XmlElement(child.nodeName);
          into.insert(into.length, [element]);
          for (const [key, value] of Object.entries(child.getAttributes())) element.setAttribute(key, value as string);
          stack.push({ source: child, into: element, depth: depth + 1 });
        }
      }
    }
  });
  return target;
}

function appendText(into: Y.XmlElement | Y.XmlFragment, source: Y.XmlText): void {
  const text = new Y.XmlText();
  into.insert(into.length, [text]);
  text.applyDelta(source.toDelta());
}

/** A paragraph holding the text (and leaf elements such as hard breaks) of one text block. */
function appendParagraph(into: Y.XmlElement | Y.XmlFragment, block: Y.XmlElement): void {
  const paragraph = new Y.XmlElement('paragraph');
  into.insert(into.length, [paragraph]);
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) appendText(paragraph, child);
    else if (child instanceof Y.XmlElement && child.length === 0) paragraph.insert(paragraph.length, [new Y.XmlElement(child.nodeName)]);
  }
}

/** The elements under `root` (itself included) that hold text directly, in document order, without recursion. */
function textBlocksOf(root: Y.XmlElement): Y.XmlElement[] {
  const blocks: Y.XmlElement[] = [];
  const stack: Y.XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const children = element.toArray();
    if (children.some((child) => child instanceof Y.XmlText)) blocks.push(element);
    const nested = children.filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.length > 0);
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
  }
  return blocks;
}

import type { JSONContent } from '@tiptap/core';

/** Elements that never have content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
/** Elements whose end tag may be left out: a new one closes the open one up to the boundary named. */
const IMPLIED_END: Record<string, { closes: string[]; within: string[] }> = {
  li: { closes: ['li'], within: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], within: ['dl'] },
  dd: { closes: ['dt', 'dd'], within: ['dl'] },
  tr: { closes: ['tr', 'td', 'th'], within: ['table', 'thead', 'tbody', 'tfoot'] },
  td: { closes: ['td', 'th'], within: ['tr', 'table'] },
  th: { closes: ['td', 'th'], within: ['tr', 'table'] },
  thead: { closes: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], within: ['table'] },
  tbody: { closes: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], within: ['table'] },
  tfoot: { closes: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], within: ['table'] },
  option: { closes: ['option'], within: ['select', 'datalist', 'optgroup'] },
};
/** Elements that close an open paragraph. */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);
/** Elements whose content is text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext']);

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

/**
 * How deeply the elements of an HTML text nest, read in one pass over its tags without building a
 * DOM: a cheap check run before the HTML parser, which needs memory and stack in proportion to
 * the depth. It follows HTML's rules where they matter for depth (void elements, end tags that
 * may be left out, a block closing an open paragraph, raw text in script and style), so it is
 * close to what a browser builds; it stops counting once the depth passes `stopAbove`.
 */
export function htmlNestingDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  const stack: string[] = [];
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    if (match[1]) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const implied = IMPLIED_END[name];
    if (implied) {
      // The outermost open one inside the boundary closes, and everything opened within it.
      let closeFrom = -1;
      for (let i = stack.length - 1; i >= 0 && !implied.within.includes(stack[i]!); i--) if (implied.closes.includes(stack[i]!)) closeFrom = i;
      if (closeFrom >= 0) stack.length = closeFrom;
    }
    if (CLOSES_P.has(name) && stack.at(-1) === 'p') stack.pop();
    if (VOID.has(name) || match[3]!.trimEnd().endsWith('/')) continue;
    if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = TAG.lastIndex;
      TAG.lastIndex = end.exec(html)?.index ?? html.length;
      deepest = Math.max(deepest, stack.length + 1);
      continue;
    }
    stack.push(name);
    if (stack.length > deepest) {
      deepest = stack.length;
      if (deepest > stopAbove) return deepest;
    }
  }
  return deepest;
}

/** Block containers opening a Markdown line: quote markers and list markers, each one level. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

/**
 * An upper bound of how deeply a Markdown text's quotes and lists nest: on each line, the quote and
 * list markers it opens with, plus one level per two columns of indentation (a nested list is
 * indented at least two columns under its parent). marked recurses once per level, so a file
 * nested thousands deep overflows its stack; this pass costs one regular expression per line.
 * Lines in fenced code count nothing.
 */
export function markdownNestingDepth(markdown: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    const prefix = CONTAINERS.exec(line)?.[0] ?? '';
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    deepest = Math.max(deepest, markers + Math.floor(indent / 2));
    if (deepest > stopAbove) return deepest;
  }
  return deepest;
}

/** How deeply nodes nest in ProseMirror JSON: a document holding one paragraph of text is 3 (doc, paragraph, text). */
export function contentDepth(content: JSONContent, stopAbove = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [JSONContent, number][] = [[content, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > stopAbove) return deepest;
    }
    for (const child of node.content ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

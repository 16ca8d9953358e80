/**
 * Clipboard HTML from Microsoft Word, made readable for ProseMirror's parser: Word writes list
 * items as paragraphs styled `mso-list:l0 level1 lfo1` that start with a hidden bullet or number
 * (`<span style='mso-list:Ignore'>`). Consecutive ones become real, nested `<ul>`/`<ol>` lists;
 * Word's `<o:p>` elements, comments and conditional comments are dropped. Other HTML is returned
 * unchanged.
 */
export function convertOfficeHtml(html: string): string {
  if (!looksLikeOffice(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  removeNoise(doc.body);
  convertLists(doc.body);
  return doc.body.innerHTML;
}

const OFFICE_MARKERS = /urn:schemas-microsoft-com:office|class=["']?Mso|mso-list/i;
const LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)\s+(lfo\d+)/i;
const IGNORE_STYLE = /mso-list:\s*ignore/i;
/** `1.`, `a)`, `(iv)`, `10.`: numbered; anything else (·, o, §, •, –) is a bullet. */
const ORDERED_GLYPH = /^\(?([0-9]+|[a-z]{1,2}|[ivxlcdm]+)[.)]$/i;

function looksLikeOffice(html: string): boolean {
  return OFFICE_MARKERS.test(html);
}

function removeNoise(root: HTMLElement): void {
  const doc = root.ownerDocument;
  const comments: ChildNode[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) comments.push(walker.currentNode as ChildNode);
  for (const comment of comments) comment.remove();
  for (const element of [...root.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'o:p' || tag === 'style' || tag === 'meta' || tag === 'link' || tag === 'xml' || tag === 'title') element.remove();
  }
}

interface ListParagraph {
  level: number;
  listId: string;
  ordered: boolean;
  start: number | undefined;
}

function readListParagraph(element: Element): ListParagraph | undefined {
  const match = LIST_STYLE.exec(element.getAttribute('style') ?? '');
  if (!match) return undefined;
  const glyphSpan = [...element.querySelectorAll('span')].find((span) => IGNORE_STYLE.test(span.getAttribute('style') ?? ''));
  const glyph = (glyphSpan?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  glyphSpan?.remove();
  const number = /^\(?(\d+)[.)]$/.exec(glyph);
  return {
    level: Number(match[2]),
    listId: `${match[1]}-${match[3]}`,
    ordered: ORDERED_GLYPH.test(glyph),
    start: number ? Number(number[1]) : undefined,
  };
}

interface OpenList {
  level: number;
  ordered: boolean;
  listId: string;
  element: HTMLElement;
}

/** Replaces every run of consecutive list paragraphs (in any container, e.g. table cells) by lists. */
function convertLists(container: Element): void {
  let open: OpenList[] = [];
  for (const node of [...container.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE && open.length > 0 && (node.textContent ?? '').trim() === '') {
      node.remove();
      continue;
    }
    const info = node instanceof Element ? readListParagraph(node) : undefined;
    if (info && node instanceof HTMLElement) {
      open = addListItem(open, node, info);
      continue;
    }
    open = [];
    if (node instanceof Element) convertLists(node);
  }
}

function addListItem(open: OpenList[], paragraph: HTMLElement, info: ListParagraph): OpenList[] {
  const doc = paragraph.ownerDocument;
  const stack = [...open];
  let parent = stack.at(-1);
  while (parent && (parent.level > info.level || (parent.level === info.level && !sameList(parent, info)))) {
    stack.pop();
    parent = stack.at(-1);
  }
  let target = parent;
  if (!target || target.level < info.level) {
    const list = doc.createElement(info.ordered ? 'ol' : 'ul');
    if (info.ordered && info.start !== undefined && info.start > 1) list.setAttribute('start', String(info.start));
    if (target) {
      const lastItem = target.element.lastElementChild ?? target.element.appendChild(doc.createElement('li'));
      lastItem.appendChild(list);
    } else {
      paragraph.before(list);
    }
    target = { level: info.level, ordered: info.ordered, listId: info.listId, element: list };
    stack.push(target);
  }
  const item = doc.createElement('li');
  const body = doc.createElement('p');
  while (paragraph.firstChild) body.appendChild(paragraph.firstChild);
  item.appendChild(body);
  target.element.appendChild(item);
  paragraph.remove();
  return stack;
}

function sameList(list: OpenList, info: ListParagraph): boolean {
  return list.ordered === info.ordered && list.listId === info.listId;
}

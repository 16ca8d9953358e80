import type { JSONContent } from '@tiptap/core';
import { escapeHtml } from '../comments/commentMarkup.ts';
import { headingAnchor } from './outline.ts';
import { safeUrl } from './safeUrl.ts';

export interface HtmlContentContext {
  documentIndex: number;
  /** Term ids per annotation id, for the tags carried on highlighted passages (null: no highlights). */
  tagsByAnnotation: Map<string, string[]> | null;
  /** Tooltip text per annotation id. */
  tagTitles: Map<string, string>;
}

/** Attributes on elements that exports add around the content; an import removes them. */
export const GENERATED_ATTRIBUTE = 'data-ns-generated';

function intAttr(value: unknown, fallback: number, min: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Formatting marks written as one plain element each. */
const FORMAT_ELEMENTS: Record<string, string> = { code: 'code', strike: 's', underline: 'u', italic: 'em', bold: 'strong' };

function renderText(node: JSONContent, context: HtmlContentContext): string {
  let html = escapeHtml(node.text ?? '');
  const marks = node.marks ?? [];
  // Innermost first: code, then emphasis, then links, then tag highlights outermost.
  const order = ['code', 'strike', 'underline', 'italic', 'bold', 'link', 'annotation'];
  const sorted = [...marks].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  for (const mark of sorted) {
    const element = FORMAT_ELEMENTS[mark.type];
    if (element) html = `<${element}>${html}</${element}>`;
    else if (mark.type === 'link') {
      const href = safeUrl(mark.attrs?.href);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
    } else if (mark.type === 'annotation') {
      const id = String(mark.attrs?.id ?? '');
      const tags = context.tagsByAnnotation?.get(id);
      if (tags) {
        html = `<mark class="tag" data-annotation-id="${escapeHtml(id)}" data-tags="${escapeHtml(tags.join(' '))}" title="${escapeHtml(context.tagTitles.get(id) ?? '')}">${html}</mark>`;
      }
    }
  }
  return html;
}

function renderInline(nodes: JSONContent[] | undefined, context: HtmlContentContext): string {
  return (nodes ?? [])
    .map((node) => {
      switch (node.type) {
        case 'text':
          return renderText(node, context);
        case 'hardBreak':
          return '<br>';
        case 'tagNote': {
          const n = intAttr(node.attrs?.note, 0, 0, 1e9);
          return `<sup class="note-ref" ${GENERATED_ATTRIBUTE}><a href="#note-${n}" id="note-ref-${n}">${n}</a></sup>`;
        }
        case 'commentStart':
          return `<span class="comment-start" id="comment-start-${intAttr(node.attrs?.number, 0, 0, 1e9)}" ${GENERATED_ATTRIBUTE}></span>`;
        case 'commentEnd': {
          const n = intAttr(node.attrs?.number, 0, 0, 1e9);
          return `<sup class="comment-ref" ${GENERATED_ATTRIBUTE}><a href="#comment-${n}" id="comment-ref-${n}" aria-label="Comment ${n}">C${n}</a></sup>`;
        }
        default:
          return '';
      }
    })
    .join('');
}

function renderCell(cell: JSONContent, context: HtmlContentContext): string {
  const tag = cell.type === 'tableHeader' ? 'th' : 'td';
  const colspan = intAttr(cell.attrs?.colspan, 1, 1, 1000);
  const rowspan = intAttr(cell.attrs?.rowspan, 1, 1, 1000);
  const spans = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
  return `<${tag}${spans}>${renderBlocks(cell.content, context, false)}</${tag}>`;
}

/** Renders ProseMirror block nodes of the editor schema as HTML; unknown nodes are skipped. */
export function renderBlocks(nodes: JSONContent[] | undefined, context: HtmlContentContext, topLevel = true): string {
  let headingIndex = 0;
  return (nodes ?? [])
    .map((node) => {
      switch (node.type) {
        case 'paragraph':
          return `<p>${renderInline(node.content, context)}</p>\n`;
        case 'heading': {
          const level = intAttr(node.attrs?.level, 1, 1, 6);
          const id = topLevel ? ` id="${headingAnchor(context.documentIndex, headingIndex++)}"` : '';
          return `<h${level}${id}>${renderInline(node.content, context)}</h${level}>\n`;
        }
        case 'bulletList':
          return `<ul>\n${renderBlocks(node.content, context, false)}</ul>\n`;
        case 'orderedList': {
          const start = intAttr(node.attrs?.start, 1, 0, 1e9);
          return `<ol${start !== 1 ? ` start="${start}"` : ''}>\n${renderBlocks(node.content, context, false)}</ol>\n`;
        }
        case 'listItem':
          return `<li>${renderBlocks(node.content, context, false)}</li>\n`;
        case 'blockquote':
          return `<blockquote>\n${renderBlocks(node.content, context, false)}</blockquote>\n`;
        case 'codeBlock':
          return `<pre><code>${renderInline(node.content, context)}</code></pre>\n`;
        case 'horizontalRule':
          return '<hr>\n';
        case 'table':
          return `<table>\n<tbody>\n${renderBlocks(node.content, context, false)}</tbody>\n</table>\n`;
        case 'tableRow':
          return `<tr>${(node.content ?? []).map((cell) => renderCell(cell, context)).join('')}</tr>\n`;
        default:
          return '';
      }
    })
    .join('');
}

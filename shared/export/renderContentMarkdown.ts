import type { JSONContent } from '@tiptap/core';
import { safeUrl } from './safeUrl.ts';

/** Escapes characters Markdown would read as syntax; `table` also escapes pipes. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~|#]/g, (char) => `\\${char}`).replace(/&(?=[a-zA-Z#][a-zA-Z0-9]*;)/g, '&amp;');
}

/** Escapes what would start a block at the beginning of a line (list markers, numbered items). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+])(\s)/, '$1\\$2$3').replace(/^(\s*\d+)([.)])(\s)/, '$1\\$2$3');
}

const FORMAT_MARKS = ['bold', 'italic', 'strike', 'code', 'link'];

function markKey(node: JSONContent): string {
  return (node.marks ?? [])
    .filter((mark) => FORMAT_MARKS.includes(mark.type))
    .map((mark) => (mark.type === 'link' ? `link:${String(mark.attrs?.href)}` : mark.type))
    .sort()
    .join('|');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** One run of text with the same formatting, with its white space kept outside the delimiters. */
function renderRun(text: string, marks: JSONContent['marks']): string {
  const has = (type: string) => (marks ?? []).some((mark) => mark.type === type);
  if (has('code')) return codeSpan(text);
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text.slice(lead.length))![0];
  const core = text.slice(lead.length, text.length - trail.length);
  if (!core) return text;
  let md = escapeMarkdown(core);
  if (has('strike')) md = `~~${md}~~`;
  if (has('italic')) md = `*${md}*`;
  if (has('bold')) md = `**${md}**`;
  const link = (marks ?? []).find((mark) => mark.type === 'link');
  const href = link ? safeUrl(link.attrs?.href) : undefined;
  if (href) md = `[${md}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`;
  return `${lead}${md}${trail}`;
}

/** Inline content: adjacent text with the same formatting is merged first so delimiters stay balanced. */
export function renderInlineMarkdown(nodes: JSONContent[] | undefined, noteLabel: (node: JSONContent) => string): string {
  let out = '';
  let run: { text: string; key: string; marks: JSONContent['marks'] } | undefined;
  const flush = () => {
    if (run) out += renderRun(run.text, run.marks);
    run = undefined;
  };
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      const key = markKey(node);
      if (run && run.key === key) run.text += node.text ?? '';
      else {
        flush();
        run = { text: node.text ?? '', key, marks: node.marks };
      }
      continue;
    }
    flush();
    if (node.type === 'hardBreak') out += '\\\n';
    else out += noteLabel(node);
  }
  flush();
  return out;
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first + line : line ? prefix + line : line))
    .join('\n');
}

function cellText(cell: JSONContent, noteLabel: (node: JSONContent) => string): string {
  return (cell.content ?? [])
    .map((block) => (block.type === 'paragraph' || block.type === 'heading' ? renderInlineMarkdown(block.content, noteLabel) : renderBlocksMarkdown([block], noteLabel).trim()))
    .join('<br>')
    .replace(/\n/g, ' ')
    .replace(/(?<!\\)\|/g, '\\|');
}

function renderTable(table: JSONContent, noteLabel: (node: JSONContent) => string): string {
  const rows = (table.content ?? []).map((row) => (row.content ?? []).map((cell) => cellText(cell, noteLabel)));
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

function isTight(list: JSONContent): boolean {
  return (list.content ?? []).every((item) => (item.content ?? []).length <= 1 || (item.content ?? []).slice(1).every((b) => b.type === 'bulletList' || b.type === 'orderedList'));
}

/** GitHub-flavoured Markdown of editor block nodes (tables as pipe tables). */
export function renderBlocksMarkdown(nodes: JSONContent[] | undefined, noteLabel: (node: JSONContent) => string): string {
  const blocks: string[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph': {
        const text = renderInlineMarkdown(node.content, noteLabel);
        blocks.push(escapeLineStart(text));
        break;
      }
      case 'heading':
        blocks.push(`${'#'.repeat(Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1))))} ${renderInlineMarkdown(node.content, noteLabel)}`);
        break;
      case 'bulletList':
      case 'orderedList': {
        const ordered = node.type === 'orderedList';
        const start = Number(node.attrs?.start ?? 1) || 1;
        const tight = isTight(node);
        const items = (node.content ?? []).map((item, index) => {
          const marker = ordered ? `${start + index}. ` : '- ';
          const inner = renderBlocksMarkdown(item.content, noteLabel).replace(/\n\n(?=\s*(?:- |\d+\. ))/g, tight ? '\n' : '\n\n');
          return indent(inner || '', ' '.repeat(marker.length), marker);
        });
        blocks.push(items.join(tight ? '\n' : '\n\n'));
        break;
      }
      case 'blockquote':
        blocks.push(indent(renderBlocksMarkdown(node.content, noteLabel), '> ').replace(/^$/gm, '>'));
        break;
      case 'codeBlock': {
        const text = (node.content ?? []).map((child) => child.text ?? '').join('');
        const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
        const fence = '`'.repeat(longest + 1);
        const language = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/[^\w+-]/g, '') : '';
        blocks.push(`${fence}${language}\n${text}\n${fence}`);
        break;
      }
      case 'horizontalRule':
        blocks.push('---');
        break;
      case 'table':
        blocks.push(renderTable(node, noteLabel));
        break;
    }
  }
  return blocks.join('\n\n');
}

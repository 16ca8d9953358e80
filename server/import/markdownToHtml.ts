import { Marked } from 'marked';
import { resolveMarkdownFootnotes } from './markdownFootnotes.ts';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** GitHub-flavoured Markdown (tables, strikethrough, footnotes) to HTML, for the same parser as every import. */
export function markdownToHtml(text: string): string {
  return markdown.parse(resolveMarkdownFootnotes(text), { async: false });
}

import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** GitHub-flavoured Markdown (tables, strikethrough) to HTML, for the same parser as every import. */
export function markdownToHtml(text: string): string {
  return markdown.parse(text, { async: false });
}

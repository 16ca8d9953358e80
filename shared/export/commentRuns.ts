import { parseCommentMarkup } from '../comments/commentMarkup.ts';
import type { InlineRun } from './inlineRuns.ts';

/** A comment's text (its small markup parsed, never interpreted as HTML) as inline runs. */
export function commentRuns(body: string): InlineRun[] {
  return parseCommentMarkup(body).map((token): InlineRun => {
    const plain = { bold: false, italic: false, underline: false, strike: false, code: false };
    switch (token.type) {
      case 'break':
        return { ...plain, text: '\n' };
      case 'mention':
        return { ...plain, bold: true, text: `@${token.name}` };
      case 'link':
        return { ...plain, bold: token.bold === true, italic: token.italic === true, text: token.text, href: token.href };
      default:
        return { ...plain, bold: token.bold === true, italic: token.italic === true, text: token.text };
    }
  });
}

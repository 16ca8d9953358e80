import { parseCommentMarkup } from '../comments/commentMarkup.ts';
import { textRun, type InlineRun } from './inlineRuns.ts';

/** A comment's text (its small markup parsed, never interpreted as HTML) as inline runs. */
export function commentRuns(body: string): InlineRun[] {
  return parseCommentMarkup(body).map((token): InlineRun => {
    switch (token.type) {
      case 'break':
        return textRun('\n');
      case 'mention':
        return textRun(`@${token.name}`, { bold: true });
      case 'link':
        return textRun(token.text, { bold: token.bold === true, italic: token.italic === true, href: token.href });
      default:
        return textRun(token.text, { bold: token.bold === true, italic: token.italic === true });
    }
  });
}

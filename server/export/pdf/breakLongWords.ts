/** Longest run of characters without a break opportunity that a PDF line is given. */
const LONGEST = 40;
const LONG_WORD = new RegExp(`[^\\s\\u200B]{${LONGEST}}(?=[^\\s\\u200B])`, 'g');

/**
 * Puts a zero-width space after every 40 characters of an unbroken run (a pasted hash, a long
 * URL), so the line breaker can wrap it: pdfkit would otherwise measure the rest of such a word
 * again for every line it fills, which grows with the square of its length.
 */
export function breakLongWords(text: string): string {
  return text.length <= LONGEST ? text : text.replace(LONG_WORD, '$&\u200B');
}

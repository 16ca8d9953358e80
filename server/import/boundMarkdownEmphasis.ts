/** What to leave as it is when escaping: code spans, escapes, thematic breaks and the line's quote and list markers; then the delimiters. */
const ESCAPE = /(`+)[^`]*?\1(?!`)|\\[\s\S]|^ {0,3}([*_-])(?:[ \t]*\2){2,}[ \t]*$|^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*|[*_]/gm;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Bounds the time and stack marked spends on emphasis. For each `*` or `_` run that could open
 * emphasis, marked scans the rest of the paragraph for its closer, so a paragraph of n runs
 * without closers costs n² (`_a` repeated 100,000 times, 200 KB, took 19.5 s), and each level of
 * emphasis inside emphasis is one more recursion (a run of 50,000 `*` on each side of a word
 * overflows the stack). A paragraph with more than `maxDelimiters` asterisks and underscores has
 * them all escaped: its words come across as written, the asterisks and underscores as characters
 * and no emphasis; every other paragraph is left as it is. Code (fenced and inline), list bullets
 * and rules keep their meaning. Returns how many paragraphs were escaped.
 */
export function boundMarkdownEmphasis(markdown: string, maxDelimiters: number): { markdown: string; escaped: number } {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let escaped = 0;
  let fence: string | undefined;
  const flush = () => {
    if (paragraph.length === 0) return;
    const text = paragraph.join('\n');
    paragraph = [];
    let delimiters = 0;
    for (let i = 0; i < text.length && delimiters <= maxDelimiters; i++) {
      const code = text.charCodeAt(i);
      if (code === 42 || code === 95) delimiters += 1;
    }
    if (delimiters <= maxDelimiters) {
      out.push(text);
      return;
    }
    escaped += 1;
    out.push(text.replace(ESCAPE, (kept) => (kept === '*' || kept === '_' ? `\\${kept}` : kept)));
  };
  for (const line of lines) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      out.push(line);
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
    } else if (fenceMark) {
      flush();
      out.push(line);
      fence = fenceMark;
    } else if (line.trim() === '') {
      flush();
      out.push(line);
    } else paragraph.push(line);
  }
  flush();
  return { markdown: escaped > 0 ? out.join('\n') : markdown, escaped };
}

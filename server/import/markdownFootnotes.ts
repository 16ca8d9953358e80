const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
const REFERENCE = /\[\^([^\]\s]+)\](?!:)/g;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * Turns GitHub footnotes (`text[^1]` … `[^1]: note`), which marked leaves as literal text, into
 * what the editor can hold: each reference becomes its number in brackets and the notes an ordered
 * list after a rule at the end, numbered in order of first reference (notes never referenced follow).
 * Text inside fenced code is left alone.
 */
export function resolveMarkdownFootnotes(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  const definitions = new Map<string, string>();
  const body: { line: string; code: boolean }[] = [];
  let inFence = false;
  let continuing: string | undefined;
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    const definition = inFence ? null : DEFINITION.exec(line);
    if (definition) {
      continuing = definition[1]!;
      definitions.set(continuing, definition[2]!.trim());
    } else if (continuing !== undefined && /^( {4}|\t)\s*\S/.test(line)) {
      definitions.set(continuing, `${definitions.get(continuing)} ${line.trim()}`.trim());
    } else {
      continuing = undefined;
      body.push({ line, code: inFence || FENCE.test(line) });
    }
  }
  if (definitions.size === 0) return markdown;

  const numbers = new Map<string, number>();
  const numbered = (label: string) => {
    if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
    return numbers.get(label)!;
  };
  const text = body.map(({ line, code }) => (code ? line : line.replace(REFERENCE, (whole, label: string) => (definitions.has(label) ? `\\[${numbered(label)}\\]` : whole))));
  for (const label of definitions.keys()) numbered(label);
  const notes = [...numbers].map(([label, number]) => `${number}. ${definitions.get(label) || ' '}`);
  return `${text.join('\n').trimEnd()}\n\n---\n\n${notes.join('\n')}\n`;
}

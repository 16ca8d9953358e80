/**
 * Shares a table's width among its columns. `natural` is each column's width on one line,
 * `minimum` the width below which its longest word would break. When everything fits, the spare
 * width is shared in proportion; otherwise columns narrower than their fair share keep their
 * natural width and the others split what is left in proportion to their natural widths, never
 * below their minimum.
 */
export function columnWidths(natural: readonly number[], minimum: readonly number[], available: number): number[] {
  const count = natural.length;
  if (count === 0) return [];
  const wants = natural.map((width, i) => Math.max(width, minimum[i] ?? 0, 1));
  const total = wants.reduce((sum, width) => sum + width, 0);
  if (total <= available) return wants.map((width) => width + ((available - total) * width) / total);
  const fixed = new Set<number>();
  for (;;) {
    const flexible = wants.map((_, i) => i).filter((i) => !fixed.has(i));
    const remaining = available - [...fixed].reduce((sum, i) => sum + wants[i]!, 0);
    const flexibleTotal = flexible.reduce((sum, i) => sum + wants[i]!, 0);
    const newlyFixed = flexible.filter((i) => wants[i]! <= remaining / flexible.length);
    if (newlyFixed.length === 0 || newlyFixed.length === flexible.length) {
      return wants.map((width, i) => (fixed.has(i) ? width : Math.max(minimum[i] ?? 0, (remaining * width) / flexibleTotal)));
    }
    for (const i of newlyFixed) fixed.add(i);
  }
}

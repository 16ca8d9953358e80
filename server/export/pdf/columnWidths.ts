/**
 * Shares a table's width among its columns, never more than `available` in all. `natural` is each
 * column's width on one line, `minimum` the width below which its longest word would break. When
 * everything fits, the spare width is shared in proportion; otherwise columns narrower than their
 * fair share keep their natural width, and the others split what is left in proportion to their
 * natural widths, each at least its minimum (minimums that cannot all fit are scaled down).
 */
export function columnWidths(natural: readonly number[], minimum: readonly number[], available: number): number[] {
  const count = natural.length;
  if (count === 0) return [];
  const totalMinimum = minimum.reduce((sum, width) => sum + width, 0);
  const floors = natural.map((_, i) => (totalMinimum > available ? ((minimum[i] ?? 0) * available) / totalMinimum : (minimum[i] ?? 0)));
  const wants = natural.map((width, i) => Math.max(width, floors[i]!, 1));
  const total = wants.reduce((sum, width) => sum + width, 0);
  if (total <= available) return wants.map((width) => width + ((available - total) * width) / total);
  const fixed = new Map<number, number>();
  for (;;) {
    const flexible = wants.map((_, i) => i).filter((i) => !fixed.has(i));
    const remaining = available - [...fixed.values()].reduce((sum, width) => sum + width, 0);
    const flexibleTotal = flexible.reduce((sum, i) => sum + wants[i]!, 0);
    const share = (i: number) => (remaining * wants[i]!) / flexibleTotal;
    // Narrow columns keep their natural width; columns whose share falls below their floor get the floor.
    const narrow = flexible.filter((i) => wants[i]! <= remaining / flexible.length);
    const floored = narrow.length > 0 ? [] : flexible.filter((i) => share(i) < floors[i]!);
    if (flexible.length === 0 || (narrow.length === 0 && floored.length === 0) || narrow.length === flexible.length) {
      return wants.map((width, i) => fixed.get(i) ?? share(i));
    }
    for (const i of narrow) fixed.set(i, wants[i]!);
    for (const i of floored) fixed.set(i, floors[i]!);
  }
}

/** A card in the thread column: where its passage is (`desired`, px from the column's top) and how tall it is. */
export interface StackItem {
  id: string;
  desired: number;
  height: number;
}

/**
 * Places thread cards beside their passages, as Google Docs does: in order, each as close to its
 * passage as the card before it allows; the active card exactly at its passage, the ones above it
 * pushed up to make room (never above the column's top). Returns each card's top.
 */
export function stackThreads(items: readonly StackItem[], active: string | null, gap = 8): number[] {
  const tops = items.map((item) => Math.max(0, item.desired));
  const at = active === null ? -1 : items.findIndex((item) => item.id === active);
  const down = (from: number) => {
    for (let i = Math.max(from, 1); i < items.length; i++) tops[i] = Math.max(tops[i]!, tops[i - 1]! + items[i - 1]!.height + gap);
  };
  if (at < 0) {
    down(1);
    return tops;
  }
  for (let i = at - 1; i >= 0; i--) tops[i] = Math.min(tops[i]!, tops[i + 1]! - gap - items[i]!.height);
  if (tops[0]! < 0) {
    // not enough room above the active card: everything from the top, in order
    tops[0] = 0;
    down(1);
    return tops;
  }
  down(at + 1);
  return tops;
}

/** The indexes of the cards that overlap [from, to) (tops ascending). */
export function visibleRange(tops: readonly number[], heights: readonly number[], from: number, to: number): [number, number] {
  let lo = 0;
  let hi = tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! + heights[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tops.length && tops[end]! < to) end++;
  return [lo, end];
}

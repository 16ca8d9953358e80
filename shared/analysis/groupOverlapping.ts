import type { Passage } from './Passage.ts';

/**
 * Groups a document's passages into units: passages whose text overlaps (directly or through a
 * chain of overlaps) form one unit; a passage overlapping nothing is a unit of its own. Orphaned
 * passages belong to no unit. Co-occurrence is counted per unit. O(n log n).
 */
export function groupOverlapping(passages: readonly Passage[]): Passage[][] {
  const intervals: { from: number; to: number; index: number }[] = [];
  passages.forEach((passage, index) => {
    for (const range of passage.ranges) if (range.to > range.from) intervals.push({ ...range, index });
  });
  intervals.sort((a, b) => a.from - b.from || a.to - b.to);

  const parent = passages.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  let reach = -1;
  let reachIndex = -1;
  for (const interval of intervals) {
    if (interval.from < reach) parent[find(interval.index)] = find(reachIndex);
    if (interval.to > reach) {
      reach = interval.to;
      reachIndex = interval.index;
    }
  }
  const groups = new Map<number, Passage[]>();
  const anchored = new Set(intervals.map((interval) => interval.index));
  passages.forEach((passage, index) => {
    if (!anchored.has(index)) return;
    const root = find(index);
    const group = groups.get(root) ?? [];
    group.push(passage);
    groups.set(root, group);
  });
  return [...groups.values()];
}

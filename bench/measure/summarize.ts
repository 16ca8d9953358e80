/** Distribution of a sample: count, percentiles and max (same unit as the input). */
export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of `values` (which it sorts in place). */
export function summarize(values: number[] | Float64Array): Distribution {
  const sorted = Float64Array.from(values).sort();
  const count = sorted.length;
  if (count === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const rank = (p: number) => sorted[Math.min(count - 1, Math.max(0, Math.ceil((p / 100) * count) - 1))]!;
  let sum = 0;
  for (const value of sorted) sum += value;
  return { count, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[count - 1]!, mean: sum / count };
}

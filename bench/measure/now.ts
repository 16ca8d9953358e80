/** Milliseconds on a clock shared by every process of this machine (sub-millisecond resolution). */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

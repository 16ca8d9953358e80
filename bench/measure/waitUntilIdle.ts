import { readCpuSeconds } from './ProcessSampler.ts';

/**
 * Waits until `pid` has used less than `maxCpuShare` of a core over a `windowMs` window (the
 * server has finished what it was doing, e.g. writing to disk). Resolves with how long it was busy
 * before that window (0 when idle at once), or undefined if still busy after `timeoutMs`.
 */
export async function waitUntilIdle(
  pid: number,
  { windowMs = 500, maxCpuShare = 0.05, timeoutMs = 15_000 } = {},
): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const windowStart = Date.now();
    const before = readCpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (readCpuSeconds(pid) - before <= (windowMs / 1000) * maxCpuShare) return windowStart - started;
  }
  return undefined;
}

import { readCpuSeconds } from './ProcessSampler.ts';

/**
 * Waits until `pid` has used less than `maxCpuShare` of a core over a `windowMs` window (the
 * server has finished what it was doing, e.g. writing to disk), or `timeoutMs` passed.
 * Resolves true when idle.
 */
export async function waitUntilIdle(pid: number, { windowMs = 500, maxCpuShare = 0.05, timeoutMs = 15_000 } = {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = readCpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (readCpuSeconds(pid) - before <= (windowMs / 1000) * maxCpuShare) return true;
  }
  return false;
}

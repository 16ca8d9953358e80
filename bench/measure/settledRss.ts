import { readRssBytes } from './ProcessSampler.ts';
import { waitUntilIdle } from './waitUntilIdle.ts';

/** RSS of `pid` once it is idle: the median of `samples` samples 200 ms apart. */
export async function settledRss(pid: number, samples = 5): Promise<number> {
  await waitUntilIdle(pid);
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    values.push(readRssBytes(pid));
  }
  return values.sort((a, b) => a - b)[Math.floor(samples / 2)]!;
}

import { randomBytes } from 'node:crypto';
import { BENCH_WORKSPACE } from './startNormspace.ts';

/** Peers create a document on first connection: fresh names shaped like ours are enough. */
export function peerRoomNames(count: number): string[] {
  const run = randomBytes(4).toString('hex');
  return Array.from({ length: count }, (_, index) => `${BENCH_WORKSPACE}/bench-${run}-${index + 1}`);
}

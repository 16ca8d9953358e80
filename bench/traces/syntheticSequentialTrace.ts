import { seededRandom } from './seededRandom.ts';
import type { Patch, SequentialTrace } from './Trace.ts';

const WORDS = ['norm', 'state', 'cyber', 'forum', 'agreement', 'incident', 'the', 'of', 'and', 'capacity', 'building'];

/**
 * A small sequential trace shaped like typing: words typed a character at a time at a cursor,
 * some backspaces, an occasional jump and newline. Used by `--quick` and the tests.
 */
export function syntheticSequentialTrace(txns: number, seed: number): SequentialTrace {
  const random = seededRandom(seed);
  const out: Patch[][] = [];
  let content = '';
  let cursor = 0;
  let pending = '';
  while (out.length < txns) {
    const roll = random();
    let patch: Patch;
    if (roll < 0.1 && cursor > 0) {
      patch = [cursor - 1, 1, ''];
      cursor -= 1;
    } else if (roll < 0.13) {
      cursor = Math.floor(random() * (content.length + 1));
      continue;
    } else {
      if (pending.length === 0) pending = random() < 0.08 ? '\n' : `${WORDS[Math.floor(random() * WORDS.length)]!} `;
      patch = [cursor, 0, pending[0]!];
      pending = pending.slice(1);
      cursor += 1;
    }
    content = content.slice(0, patch[0]) + patch[2] + content.slice(patch[0] + patch[1]);
    out.push([patch]);
  }
  return { name: `synthetic-sequential-${txns}`, endContent: content, txns: out };
}

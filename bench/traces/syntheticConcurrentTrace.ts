import * as Y from 'yjs';
import { seededRandom } from './seededRandom.ts';
import type { ConcurrentTrace, ConcurrentTxn, Patch } from './Trace.ts';

/**
 * A small two-agent concurrent trace: each agent types on its own replica and now and then merges
 * the other's latest transaction (recorded as a parent). Its end content is what the Yjs replay
 * converges to with agent 0 as client 1 and agent 1 as client 2 (as `replayConcurrentInMemory`).
 */
export function syntheticConcurrentTrace(count: number, seed: number): ConcurrentTrace {
  const random = seededRandom(seed);
  const replicas = [new Y.Doc(), new Y.Doc()];
  replicas.forEach((doc, agent) => (doc.clientID = agent + 1));
  const texts = replicas.map((doc) => doc.getText('text'));
  const updates: Uint8Array[][] = [[], []];
  const txnIndex: number[][] = [[], []];
  const merged = [0, 0];
  const last = [-1, -1];
  const txns: ConcurrentTxn[] = [];
  for (let i = 0; i < count; i++) {
    const agent = random() < 0.5 ? 0 : 1;
    const other = 1 - agent;
    const parents = last[agent]! >= 0 ? [last[agent]!] : [];
    if (random() < 0.15 && merged[agent]! < updates[other]!.length) {
      while (merged[agent]! < updates[other]!.length) Y.applyUpdate(replicas[agent]!, updates[other]![merged[agent]!++]!);
      parents.push(txnIndex[other]![merged[agent]! - 1]!);
    }
    const text = texts[agent]!;
    const pos = Math.floor(random() * (text.length + 1));
    const patch: Patch = random() < 0.2 && pos > 0 ? [pos - 1, 1, ''] : [pos, 0, String.fromCharCode(97 + Math.floor(random() * 26))];
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => (update = u);
    replicas[agent]!.on('update', capture);
    replicas[agent]!.transact(() => {
      if (patch[1] > 0) text.delete(patch[0], patch[1]);
      if (patch[2]) text.insert(patch[0], patch[2]);
    });
    replicas[agent]!.off('update', capture);
    updates[agent]!.push(update ?? Y.encodeStateAsUpdate(new Y.Doc()));
    txnIndex[agent]!.push(i);
    last[agent] = i;
    txns.push({ agent, parents, patches: [patch] });
  }
  for (const agent of [0, 1]) {
    const other = 1 - agent;
    while (merged[agent]! < updates[other]!.length) Y.applyUpdate(replicas[agent]!, updates[other]![merged[agent]!++]!);
  }
  return { name: `synthetic-concurrent-${count}`, endContent: texts[0]!.toString(), txns };
}

import * as Y from 'yjs';
import { now } from '../measure/now.ts';
import type { AgentScript } from '../traces/replayConcurrentInMemory.ts';
import type { BenchClient } from './BenchClient.ts';

/**
 * One agent of a concurrent trace: sends the updates its replica produced in the floor run, in
 * order, each only once the other agent's edits it depends on have arrived through the server.
 * Returns how often it had to wait for the other agent (`blocked`).
 */
export async function replayAgentScript(client: BenchClient, script: AgentScript, otherClientId: number, deadline: number) {
  const startedAt = now();
  let blocked = 0;
  let sinceYield = 0;
  for (let index = 0; index < script.updates.length; index++) {
    const need = script.needOtherClock[index]!;
    if (client.clock(otherClientId) < need) {
      blocked += 1;
      const arrived = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => done(false), Math.max(0, deadline - now()));
        const onUpdate = () => {
          if (client.clock(otherClientId) >= need) done(true);
        };
        const done = (ok: boolean) => {
          clearTimeout(timer);
          client.doc.off('update', onUpdate);
          resolve(ok);
        };
        client.doc.on('update', onUpdate);
      });
      if (!arrived) return { startedAt, sentAt: now(), blocked, complete: false };
      sinceYield = 0;
    }
    Y.applyUpdate(client.doc, script.updates[index]!);
    if (++sinceYield >= 200) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { startedAt, sentAt: now(), blocked, complete: true };
}

import * as Y from 'yjs';
import { now } from '../measure/now.ts';
import type { BenchClient } from './BenchClient.ts';
import type { SendLog } from './workerProtocol.ts';

const KEYS = 'abcdefghijklmnopqrstuvwxyz ';

/**
 * Each writer types one character at the end of its paragraph `editsPerSecond` times a second from
 * `startAt` for `durationMs` (a random phase each, so writers do not type in lockstep). Every edit
 * is its own transaction, as a keystroke in the editor is; its clock and time are logged.
 */
export async function typeAtRate(writers: BenchClient[], startAt: number, durationMs: number, editsPerSecond: number): Promise<SendLog[]> {
  const interval = 1000 / editsPerSecond;
  const endAt = startAt + durationMs;
  const logs = writers.map((writer) => {
    if (!writer.ownText) throw new Error(`client ${writer.spec.id} has no paragraph to type into`);
    return { room: writer.spec.room, client: writer.doc.clientID, clock: 0, clocks: [] as number[], times: [] as number[] };
  });
  await Promise.all(
    writers.map(
      (writer, index) =>
        new Promise<void>((resolve) => {
          const log = logs[index]!;
          const text = writer.ownText!;
          const phase = Math.random() * interval;
          let count = 0;
          const next = () => {
            const due = startAt + phase + count * interval;
            if (due >= endAt) return resolve();
            setTimeout(() => {
              log.clocks.push(Y.getState(writer.doc.store, writer.doc.clientID));
              log.times.push(now());
              text.insert(text.length, KEYS[count % KEYS.length]!);
              count += 1;
              next();
            }, Math.max(0, due - now()));
          };
          next();
        }),
    ),
  );
  for (const [index, writer] of writers.entries()) logs[index]!.clock = Y.getState(writer.doc.store, writer.doc.clientID);
  return logs;
}

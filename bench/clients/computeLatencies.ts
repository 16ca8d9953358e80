import type { BenchClient } from './BenchClient.ts';
import type { SendLog } from './workerProtocol.ts';

export interface LatencySample {
  /** Arrival minus send time, one per (edit, other client of its room held here). */
  latencies: Float64Array;
  /** Per send log, per edit: the latest arrival among the clients here (-Infinity if none is here). */
  lastArrivals: Float64Array[];
  /** (edit, client) pairs that never arrived. */
  missing: number;
}

/**
 * Matches every writer's edits with their arrival at each other client of the room. Edits sent
 * before `measureFrom` (warm-up) are checked for arrival but give no latency sample.
 */
export function computeLatencies(clients: BenchClient[], sends: SendLog[], measureFrom: number): LatencySample {
  const latencies: number[] = [];
  let missing = 0;
  const byRoom = new Map<string, BenchClient[]>();
  for (const client of clients) {
    const list = byRoom.get(client.spec.room) ?? [];
    list.push(client);
    byRoom.set(client.spec.room, list);
  }
  const lastArrivals = sends.map((send) => {
    const last = new Float64Array(send.clocks.length).fill(-Infinity);
    for (const receiver of byRoom.get(send.room) ?? []) {
      if (receiver.doc.clientID === send.client) continue;
      send.clocks.forEach((clock, index) => {
        const arrival = receiver.arrivals.arrivalOf(send.client, clock);
        if (arrival === undefined) {
          missing += 1;
          last[index] = Infinity;
          return;
        }
        if (send.times[index]! >= measureFrom) latencies.push(arrival - send.times[index]!);
        last[index] = Math.max(last[index]!, arrival);
      });
    }
    return last;
  });
  return { latencies: Float64Array.from(latencies), lastArrivals, missing };
}

import type * as Y from 'yjs';
import { now } from '../measure/now.ts';

/**
 * When each remote edit became visible in a client's document: after every remote transaction,
 * the clock ranges it added per writer and the time. A Yjs clock range arrives only once all it
 * depends on is there, so this is when the user would see it.
 */
export class ArrivalLog {
  private readonly byClient = new Map<number, { to: number[]; at: number[] }>();

  constructor(doc: Y.Doc) {
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const at = now();
      transaction.afterState.forEach((clock, client) => {
        const before = transaction.beforeState.get(client) ?? 0;
        if (clock <= before) return;
        let log = this.byClient.get(client);
        if (!log) this.byClient.set(client, (log = { to: [], at: [] }));
        log.to.push(clock);
        log.at.push(at);
      });
    });
  }

  /** When the edit of `client` at `clock` arrived, or undefined if it has not. */
  arrivalOf(client: number, clock: number): number | undefined {
    const log = this.byClient.get(client);
    if (!log) return undefined;
    // first range whose end lies beyond `clock`
    let low = 0;
    let high = log.to.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (log.to[mid]! > clock) high = mid;
      else low = mid + 1;
    }
    return low < log.to.length ? log.at[low] : undefined;
  }
}

import type { DecodedUpdate } from './guards/BatchView.ts';

/**
 * Serialises the durable appends of one document and runs a callback only after each batch is
 * stored: the mechanism behind "durable before broadcast". Everything enqueued in the same tick
 * goes to the store as one transaction (group commit), so a burst costs one fsync, not one per
 * keystroke.
 */
export interface PendingUpdate<Origin> {
  update: Uint8Array;
  origin: Origin;
  /** The update decoded, when whoever enqueued it already did (saves decoding it again). */
  decoded?: DecodedUpdate;
}

export class DurableWriter<Origin> {
  private pending: PendingUpdate<Origin>[] = [];
  private running: Promise<void> | undefined;

  constructor(
    /** Stores what it accepts of a batch (all of it, usually) and answers what it stored. */
    private readonly persist: (batch: PendingUpdate<Origin>[]) => Promise<PendingUpdate<Origin>[]>,
    private readonly afterPersist: (batch: PendingUpdate<Origin>[]) => void,
    private readonly onFailure: (error: Error, batch: PendingUpdate<Origin>[]) => void,
    /** Runs between batches, when memory holds everything stored so far (e.g. compaction). */
    private readonly maintain: () => Promise<void> = async () => {},
  ) {}

  enqueue(update: Uint8Array, origin: Origin, decoded?: DecodedUpdate): void {
    this.pending.push(decoded ? { update, origin, decoded } : { update, origin });
    this.running ??= this.drain();
  }

  /** Whether anything is waiting to be stored or being stored. */
  get busy(): boolean {
    return this.running !== undefined || this.pending.length > 0;
  }

  /** Resolves once everything enqueued so far is stored (or has failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let every message of this socket read join the batch (they are handled as microtasks, which
    // run before next ticks); the store then commits in this turn of the event loop, not the next.
    await new Promise<void>((resolve) => process.nextTick(resolve));
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        let stored: PendingUpdate<Origin>[];
        try {
          stored = await this.persist(batch);
        } catch (error) {
          this.onFailure(error as Error, batch);
          continue;
        }
        if (stored.length > 0) this.afterPersist(stored);
        await this.maintain();
      }
    } finally {
      this.running = undefined;
    }
  }
}

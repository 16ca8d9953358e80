import { describe, expect, it } from 'vitest';
import { DurableWriter } from '../../server/sync/DurableWriter.ts';

const bytes = (n: number) => new Uint8Array([n]);

describe('DurableWriter', () => {
  it('runs the broadcast step only after the batch is stored, batching one tick into one write', async () => {
    const events: string[] = [];
    const writer = new DurableWriter<string>(
      async (updates) => {
        events.push(`store ${updates.length}`);
      },
      (batch) => events.push(`after ${batch.map((entry) => entry.origin).join(',')}`),
      () => events.push('failure'),
    );
    writer.enqueue(bytes(1), 'a');
    writer.enqueue(bytes(2), 'b');
    expect(events).toEqual([]);
    await writer.idle();
    expect(events).toEqual(['store 2', 'after a,b']);
  });

  it('never reports a batch whose store failed as stored, and keeps working afterwards', async () => {
    const stored: number[] = [];
    const reported: number[] = [];
    const failed: number[] = [];
    let fail = true;
    const writer = new DurableWriter<number>(
      async (updates) => {
        if (fail) throw new Error('disk full');
        stored.push(...updates.map((update) => update[0]!));
      },
      (batch) => reported.push(...batch.map((entry) => entry.origin)),
      (_error, batch) => failed.push(...batch.map((entry) => entry.origin)),
    );
    writer.enqueue(bytes(1), 1);
    await writer.idle();
    fail = false;
    writer.enqueue(bytes(2), 2);
    await writer.idle();
    expect(failed).toEqual([1]);
    expect(stored).toEqual([2]);
    expect(reported).toEqual([2]);
  });

});

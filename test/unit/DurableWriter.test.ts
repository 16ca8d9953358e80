import { describe, expect, it } from 'vitest';
import { DurableWriter } from '../../server/sync/DurableWriter.ts';

const bytes = (n: number) => new Uint8Array([n]);

describe('DurableWriter', () => {
  it('runs the broadcast step only after the batch is stored, batching one tick into one write', async () => {
    const events: string[] = [];
    const writer = new DurableWriter<string>(
      async (batch) => {
        events.push(`store ${batch.length}`);
        return batch;
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
      async (batch) => {
        if (fail) throw new Error('disk full');
        stored.push(...batch.map(({ update }) => update[0]!));
        return batch;
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

  it('reports as stored only what the store accepted of a batch', async () => {
    const reported: string[] = [];
    const writer = new DurableWriter<string>(
      async (batch) => batch.filter((entry) => entry.origin !== 'refused'),
      (batch) => reported.push(...batch.map((entry) => entry.origin)),
      () => reported.push('failure'),
    );
    writer.enqueue(bytes(1), 'kept');
    writer.enqueue(bytes(2), 'refused');
    writer.enqueue(bytes(3), 'also kept');
    await writer.idle();
    expect(reported).toEqual(['kept', 'also kept']);
  });

});

import { Piscina } from 'piscina';
import type { ConvertedImport, ImportTask } from './convertImport.ts';

export interface ImportWorkerOptions {
  /** Longest one conversion may run before its worker is stopped. */
  timeoutMs: number;
  /** Heap limit of the worker thread (V8 old generation). */
  heapMb: number;
  /** Told about a worker that failed outside any import (nothing to answer). */
  onError?: (error: unknown) => void;
}

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} s`;

/**
 * Converts imported files in one worker thread (a piscina pool of one, loading our TypeScript
 * through tsx's ES module hooks), so that parsing a file never stalls the event loop that
 * relays every document's edits. Each conversion runs alone, with a time limit that starts when
 * it starts (imports wait their turn in order) and the thread's heap limit: a file that needs more
 * gets its worker terminated (piscina starts a fresh one for the next import) and a clear
 * refusal, and the server carries on.
 */
export class ImportWorkers {
  private readonly pool: Piscina<ImportTask, ConvertedImport>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ImportWorkerOptions) {
    this.pool = new Piscina<ImportTask, ConvertedImport>({
      // Loads importWorker.ts as ES modules (see the entry's comment for why not `--import tsx`).
      filename: new URL('./importWorker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 5 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    });
    this.pool.on('error', (error: unknown) => options.onError?.(error));
  }

  /** Converts one file; resolves with a refusal (never rejects) when it runs out of time or memory. */
  convert(task: ImportTask): Promise<ConvertedImport> {
    const run = this.queue.then(() => this.runNow(task));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runNow(task: ImportTask): Promise<ConvertedImport> {
    const { timeoutMs, heapMb } = this.options;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    // The worker gets its own copy of the bytes, moved rather than copied again.
    const bytes = new Uint8Array(task.bytes);
    try {
      return await this.pool.run({ ...task, bytes }, { signal: controller.signal, transferList: [bytes.buffer] });
    } catch (error) {
      if (controller.signal.aborted) {
        return { ok: false, status: 422, error: `This file is too complex to import: converting it took longer than ${seconds(timeoutMs)}. Split it into parts, or save it in a simpler form, and import each.` };
      }
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        return { ok: false, status: 422, error: `This file is too complex to import: converting it needed more than the ${heapMb.toLocaleString('en')} MB of memory an import may use. Split it into parts, or save it in a simpler form, and import each.` };
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

import { Piscina } from 'piscina';
import type { Report } from '../../shared/export/ReportModel.ts';
import type { ExportTask } from './exportWorker.ts';

/**
 * Writes PDF and DOCX files in one worker thread (a piscina pool of one), so that a long export
 * (seconds of layout) never stalls the event loop that relays every document's edits; exports
 * queue behind one another there, which also bounds the memory they take. The worker loads our
 * TypeScript through tsx, as the server itself does.
 */
export class ExportWorkers {
  private readonly pool = new Piscina<ExportTask, Uint8Array | null>({
    filename: new URL('./exportWorker.ts', import.meta.url).href,
    // Started by the first export (or the warm-up) and kept while exports keep coming.
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 10 * 60_000,
    execArgv: ['--import', import.meta.resolve('tsx')],
  });

  async render(kind: 'pdf' | 'docx', report: Report): Promise<Buffer> {
    const bytes = await this.pool.run({ kind, report });
    if (!bytes) throw new Error(`the export worker returned no ${kind}`);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Writes a sample report in the worker, so the first real export finds its code compiled. */
  async warm(): Promise<void> {
    await this.pool.run({ kind: 'warm' });
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

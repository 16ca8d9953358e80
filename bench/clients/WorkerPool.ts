import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../repoRoot.ts';
import type { FromWorker, ToWorker, WorkerCallName, WorkerReply, WorkerRequest } from './workerProtocol.ts';

const WORKER_SCRIPT = path.join(REPO_ROOT, 'bench/clients/clientWorker.ts');

/** Client worker processes and request/reply calls to them over IPC. */
export class WorkerPool {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly workers: ChildProcess[]) {
    for (const worker of workers) {
      worker.on('message', (message: FromWorker) => {
        if ('ready' in message) return;
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.ok) waiting.resolve(message.reply);
        else waiting.reject(new Error(`worker: ${message.error}`));
      });
      worker.on('exit', (code) => {
        for (const [id, waiting] of this.pending) {
          this.pending.delete(id);
          waiting.reject(new Error(`a client worker exited (${code}) during a call`));
        }
      });
    }
  }

  static async start(count: number): Promise<WorkerPool> {
    const workers = Array.from({ length: count }, () =>
      fork(WORKER_SCRIPT, [], {
        cwd: REPO_ROOT,
        execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('client worker did not start')), 30_000);
            worker.once('message', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.once('exit', (code) => reject(new Error(`client worker exited with ${code}`)));
          }),
      ),
    );
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Worker pids (to tell their CPU apart from the server's). */
  get pids(): number[] {
    return this.workers.map((worker) => worker.pid!);
  }

  call<K extends WorkerCallName>(worker: number, request: WorkerRequest<K>): Promise<WorkerReply<K>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.workers[worker]!.send({ id, request } satisfies ToWorker);
    });
  }

  /** The same call on every worker. */
  callAll<K extends WorkerCallName>(request: WorkerRequest<K>): Promise<WorkerReply<K>[]> {
    return Promise.all(this.workers.map((_, index) => this.call(index, request)));
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exitCode !== null || worker.signalCode !== null) return resolve();
            const timer = setTimeout(() => worker.kill('SIGKILL'), 5_000);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.send({ id: 0, exit: true } satisfies ToWorker);
          }),
      ),
    );
  }
}

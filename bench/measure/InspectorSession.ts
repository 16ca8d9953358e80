import WebSocket from 'ws';

/**
 * A Chrome DevTools Protocol session with a Node process started with `--inspect` (used to force a
 * full garbage collection and read the V8 heap of a server under test, whichever server it is).
 */
export class InspectorSession {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
    });
  }

  static open(url: string): Promise<InspectorSession> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new InspectorSession(socket)));
      socket.once('error', reject);
    });
  }

  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`inspector call ${method} timed out`)), 60_000);
      this.pending.set(id, (result) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(result as T);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * Memory the process's JavaScript holds after two full collections: the V8 heap plus array
   * buffers (Yjs updates and snapshots are Uint8Arrays, outside the heap).
   */
  async memoryAfterGc(): Promise<{ heapUsed: number; arrayBuffers: number }> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    const evaluated = await this.call<{ result: { value: { heapUsed: number; arrayBuffers: number } } }>('Runtime.evaluate', {
      expression: 'process.memoryUsage()',
      returnByValue: true,
    });
    return evaluated.result.value;
  }

  close(): void {
    this.socket.close();
  }
}

import { now } from '../measure/now.ts';
import { loadCachedTrace } from '../traces/loadCachedTrace.ts';
import type { SequentialTrace } from '../traces/Trace.ts';
import { appendParagraph } from '../yjs/paragraphText.ts';
import * as Y from 'yjs';
import { BenchClient } from './BenchClient.ts';
import { computeLatencies } from './computeLatencies.ts';
import { replayAgentScript } from './replayAgentScript.ts';
import { replaySequentialTrace } from './replaySequentialTrace.ts';
import { timeColdLoad } from './timeColdLoad.ts';
import { typeAtRate } from './typeAtRate.ts';
import { watchParagraphText, type TextWatch } from './watchParagraphText.ts';
import { withTimeout } from './withTimeout.ts';
import type { WorkerCallName, WorkerCalls, WorkerReply, WorkerRequest } from './workerProtocol.ts';

type Handlers = { [K in WorkerCallName]: (request: WorkerCalls[K]['request']) => Promise<WorkerReply<K>> };

/** The clients one worker process holds, and the answer to every call of `workerProtocol.ts`. */
export class ClientSession {
  private readonly clients = new Map<number, BenchClient>();
  private readonly watches = new Map<number, Promise<TextWatch>>();

  handle<K extends WorkerCallName>(request: WorkerRequest<K>): Promise<WorkerReply<K>> {
    const handler = this.handlers[request.kind] as (request: WorkerRequest<K>) => Promise<WorkerReply<K>>;
    return handler(request);
  }

  private client(id: number): BenchClient {
    const client = this.clients.get(id);
    if (!client) throw new Error(`no client ${id} in this worker`);
    return client;
  }

  private selected(ids: number[] | undefined): BenchClient[] {
    return ids ? ids.map((id) => this.client(id)) : [...this.clients.values()];
  }

  private readonly handlers: Handlers = {
    connect: async ({ clients, concurrency, timeoutMs }) => {
      const connectMs: number[] = [];
      let failed = 0;
      let next = 0;
      const openOne = async () => {
        while (next < clients.length) {
          const spec = clients[next++]!;
          const started = now();
          const client = new BenchClient(spec);
          this.clients.set(spec.id, client);
          const synced = await withTimeout(client.connection.synced.then(() => true), timeoutMs, false);
          if (synced) connectMs.push(now() - started);
          else failed += 1;
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, openOne));
      return { connectMs, failed };
    },

    addParagraphs: async ({ ids }) => ({
      clocks: ids.map((id) => {
        const client = this.client(id);
        client.ownText = appendParagraph(client.doc);
        return { room: client.spec.room, client: client.doc.clientID, clock: client.clock(client.doc.clientID) };
      }),
    }),

    writeContent: async ({ ids, paragraphs }) => {
      const clients = ids.map((id) => this.client(id));
      for (const client of clients) for (const paragraph of paragraphs) appendParagraph(client.doc, paragraph);
      return {
        encodedBytes: clients.map((client) => Y.encodeStateAsUpdate(client.doc).byteLength),
        clocks: clients.map((client) => ({ room: client.spec.room, client: client.doc.clientID, clock: client.clock(client.doc.clientID) })),
      };
    },

    typeAtRate: async ({ ids, startAt, durationMs, editsPerSecond }) => ({
      sends: await typeAtRate(this.selected(ids), startAt, durationMs, editsPerSecond),
    }),

    waitForClocks: async ({ targets, timeoutMs, ids }) => {
      const deadline = now() + timeoutMs;
      const clients = this.selected(ids);
      const lacking = (client: BenchClient) =>
        targets.reduce((sum, target) => sum + (target.room === client.spec.room ? Math.max(0, target.clock - client.clock(target.client)) : 0), 0);
      while (now() < deadline && clients.some((client) => lacking(client) > 0)) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const missing = clients.map(lacking);
      return { reached: missing.filter((m) => m === 0).length, total: clients.length, missingClocks: missing.reduce((a, b) => a + b, 0) };
    },

    collectLatencies: async ({ sends, measureFrom }) => {
      const clients = [...this.clients.values()];
      return { ...computeLatencies(clients, sends, measureFrom), fingerprints: clients.map((client) => client.fingerprint()) };
    },

    disconnect: async ({ ids }) => {
      const clients = this.selected(ids);
      for (const client of clients) {
        client.destroy();
        this.clients.delete(client.spec.id);
      }
      return { closed: clients.length };
    },

    watchText: async ({ id, trace, timeoutMs }) => {
      this.watches.set(id, watchParagraphText(this.client(id), loadCachedTrace(trace).endContent, timeoutMs));
      return { watching: true };
    },

    watchResult: async ({ id }) => {
      const watch = this.watches.get(id);
      if (!watch) throw new Error(`client ${id} is not watching`);
      this.watches.delete(id);
      return watch;
    },

    replaySequential: async ({ id, trace, chunk }) =>
      replaySequentialTrace(this.client(id), loadCachedTrace(trace) as SequentialTrace, chunk),

    replayAgent: async ({ id, script, otherClientId, startAt, timeoutMs }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - now())));
      return replayAgentScript(this.client(id), script, otherClientId, now() + timeoutMs);
    },

    coldLoad: async ({ client, trace, timeoutMs }) => timeColdLoad(client, loadCachedTrace(trace).endContent, timeoutMs),
  };
}

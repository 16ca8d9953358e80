import type { ClientSpec } from '../clients/workerProtocol.ts';
import { InspectorSession } from '../measure/InspectorSession.ts';
import { settledRss } from '../measure/settledRss.ts';
import { waitUntilIdle } from '../measure/waitUntilIdle.ts';
import type { MetricDef } from '../report/BenchResults.ts';
import { SAMPLE_PARAGRAPHS } from './sampleParagraphs.ts';
import type { Scenario } from './Scenario.ts';
import { withDataDir, withServer } from './withServer.ts';

const METRICS: MetricDef[] = [
  { key: 'perDocumentKB', label: 'memory per loaded idle document', unit: 'KB', lowerIsBetter: true },
  { key: 'perDocumentToEncoded', label: 'memory per loaded idle document ÷ its encoded size', unit: '×', lowerIsBetter: true },
  { key: 'perConnectionKB', label: 'memory per extra connection', unit: 'KB', lowerIsBetter: true },
  { key: 'rssPerDocumentKB', label: 'RSS per loaded document with its connection', unit: 'KB', lowerIsBetter: true },
  { key: 'heapResidualMB', label: 'memory above baseline after all were closed', unit: 'MB', lowerIsBetter: true },
  { key: 'rssResidualMB', label: 'RSS above baseline after all were closed', unit: 'MB', lowerIsBetter: true },
  { key: 'rssPeakMB', label: 'RSS with every document open', unit: 'MB', lowerIsBetter: true },
];

/** Memory of the server: V8 heap + array buffers after a forced full GC (through its inspector), and RSS. */
interface Footprint {
  heap: number;
  /** Of which array buffers. */
  arrayBuffers: number;
  rss: number;
}

/**
 * Server memory per loaded idle document and per connection, and whether memory returns to the
 * baseline once every document was closed. Each server runs with `--inspect` so that the bench can
 * force a full GC and read the V8 heap; RSS is read from /proc beside it.
 */
export function memoryScenario(docs: number): Scenario {
  return {
    id: 'memory',
    title: `Memory: ${docs.toLocaleString('en')} documents opened and closed`,
    description:
      `${docs.toLocaleString('en')} documents, each opened by one client (sharing its presence) that writes ${SAMPLE_PARAGRAPHS.length} paragraphs (about 1.6 KB of text, one transaction each) and then stays idle; ` +
      'then a second client on each; then everyone leaves. "Memory" is the V8 heap plus array buffers after a forced full GC (each server runs with `--inspect` for this); ' +
      'per document = (memory with the documents open − baseline) ÷ documents − one connection. Baseline after a warm-up of 10 documents opened and closed. ' +
      'After closing: Normspace unloads a document 1 s after its last client (UNLOAD_GRACE_MS=1000 here, 30 s by default); the peers unload at once. ' +
      'Idle: Normspace frees the Y.Doc of a document nobody has changed for DORMANT_AFTER_MS (1 s here, 60 s by default) and reads it back from disk on the next change or new client; ' +
      'every server is measured 2.5 s after the last write, past that delay.',
    metrics: METRICS,
    headline: 'perDocumentKB',
    run: (kind, context) =>
      withDataDir(context.workDir, (dataDir) =>
        withServer(kind, { dataDir, inspect: true, normspaceEnv: { UNLOAD_GRACE_MS: '1000', DORMANT_AFTER_MS: '1000' } }, context.pool, async (server) => {
          const { pool } = context;
          const inspector = await InspectorSession.open(server.inspectorUrl!);
          const footprint = async (): Promise<Footprint> => {
            await waitUntilIdle(server.pid);
            const { heapUsed, arrayBuffers } = await inspector.memoryAfterGc();
            return { heap: heapUsed + arrayBuffers, arrayBuffers, rss: await settledRss(server.pid, context.quick ? 1 : 5) };
          };
          try {
            const rooms = await server.createRooms(docs + 10);
            let nextId = 0;
            const spread = (list: string[]) => {
              const specs: ClientSpec[][] = Array.from({ length: pool.size }, () => []);
              list.forEach((room, i) => specs[i % pool.size]!.push({ id: nextId++, protocol: server.protocol, url: server.wsUrl, room, presence: 'now' }));
              return specs;
            };
            const open = async (specs: ClientSpec[][]) => {
              const replies = await Promise.all(specs.map((clients, w) => pool.call(w, { kind: 'connect', clients, concurrency: 16, timeoutMs: 30_000 })));
              const failed = replies.reduce((sum, r) => sum + r.failed, 0);
              if (failed > 0) throw new Error(`${failed} clients did not connect`);
            };
            const write = (specs: ClientSpec[][]) =>
              Promise.all(specs.map((clients, w) => pool.call(w, { kind: 'writeContent', ids: clients.map((c) => c.id), paragraphs: SAMPLE_PARAGRAPHS })));
            const idleFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
            const closeAll = async () => {
              await pool.callAll({ kind: 'disconnect' });
              await idleFor(context.quick ? 1500 : 2500); // past Normspace's 1 s unload grace
            };

            // warm-up: run every code path once, then let it all go
            const warm = spread(rooms.slice(docs));
            await open(warm);
            await write(warm);
            await idleFor(context.quick ? 1500 : 2500); // Normspace: the idle documents go dormant, as below
            await open(spread(rooms.slice(docs))); // a second client wakes them (Normspace), as below
            await idleFor(context.quick ? 1500 : 2500);
            await closeAll();
            const baseline = await footprint();

            context.log(`opening ${docs} documents`);
            const first = spread(rooms.slice(0, docs));
            await open(first);
            const written = await write(first);
            await idleFor(context.quick ? 1500 : 2500); // past Normspace's DORMANT_AFTER_MS
            const withDocuments = await footprint();
            const encoded = written.flatMap((w) => w.encodedBytes);
            const meanEncoded = encoded.reduce((a, b) => a + b, 0) / encoded.length;

            context.log('a second connection on each');
            const second = spread(rooms.slice(0, docs));
            await open(second);
            const targets = written.flatMap((w) => w.clocks);
            const check = await Promise.all(
              second.map((clients, w) => pool.call(w, { kind: 'waitForClocks', targets, timeoutMs: 30_000, ids: clients.map((c) => c.id) })),
            );
            await idleFor(context.quick ? 1500 : 2500);
            const withConnections = await footprint();

            context.log('closing');
            await closeAll();
            const closed = await footprint();

            const perConnection = (withConnections.heap - withDocuments.heap) / docs;
            const perDocument = (withDocuments.heap - baseline.heap) / docs - perConnection;
            const missing = check.reduce((sum, c) => sum + c.missingClocks, 0);
            return {
              metrics: {
                perDocumentKB: perDocument / 1024,
                perDocumentToEncoded: perDocument / meanEncoded,
                perConnectionKB: perConnection / 1024,
                rssPerDocumentKB: (withDocuments.rss - baseline.rss) / docs / 1024,
                heapResidualMB: (closed.heap - baseline.heap) / 2 ** 20,
                rssResidualMB: (closed.rss - baseline.rss) / 2 ** 20,
                rssPeakMB: withConnections.rss / 2 ** 20,
              },
              converged: missing === 0,
              lostUpdates: missing,
              notes: [],
              details: { baseline, withDocuments, withConnections, closed, meanEncodedBytes: meanEncoded },
            };
          } finally {
            inspector.close();
          }
        }),
      ),
  };
}

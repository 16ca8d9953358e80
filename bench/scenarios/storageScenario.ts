import path from 'node:path';
import type { ClientSpec } from '../clients/workerProtocol.ts';
import { directorySize } from '../measure/directorySize.ts';
import { measureAppendCost } from '../measure/measureAppendCost.ts';
import { waitUntilIdle } from '../measure/waitUntilIdle.ts';
import type { MetricDef } from '../report/BenchResults.ts';
import { startServerUnderTest } from '../servers/startServerUnderTest.ts';
import type { ServerKind, ServerSettings, ServerUnderTest } from '../servers/ServerUnderTest.ts';
import { loadCachedTrace } from '../traces/loadCachedTrace.ts';
import { sequentialFloor } from '../traces/sequentialFloor.ts';
import type { SequentialFloor } from '../traces/replaySequentialInMemory.ts';
import type { TraceRef } from '../traces/Trace.ts';
import type { Scenario, ScenarioContext } from './Scenario.ts';
import { withDataDir } from './withServer.ts';

const METRICS: MetricDef[] = [
  { key: 'writingAfterMs', label: 'server still writing after the last edit was delivered', unit: 'ms', lowerIsBetter: true },
  { key: 'coldLogMs', label: 'cold load before compaction (server just started)', unit: 'ms', lowerIsBetter: true },
  { key: 'coldSnapshotMs', label: 'cold load after compaction (server just started)', unit: 'ms', lowerIsBetter: true },
  { key: 'reloadMs', label: 'load after unload (server running)', unit: 'ms', lowerIsBetter: true },
  { key: 'coldSnapshotAppliedMs', label: 'cold load after compaction, until applied by the client', unit: 'ms', lowerIsBetter: true },
  { key: 'diskLogKB', label: 'bytes on disk, update log', unit: 'KB', lowerIsBetter: true },
  { key: 'diskCompactedKB', label: 'bytes on disk, after compaction', unit: 'KB', lowerIsBetter: true },
  { key: 'diskToEncoded', label: 'bytes on disk after compaction ÷ encoded size', unit: '×', lowerIsBetter: true },
  { key: 'appendUs', label: 'store one update, one at a time', unit: 'µs', lowerIsBetter: true },
  { key: 'appendGroupUs', label: 'store one update, 100 documents at once (per update)', unit: 'µs', lowerIsBetter: true },
];

/**
 * Our server keeps the whole update log until it unloads the document (then compacts it); the
 * unload grace outlasts the wait for idle before it is stopped (shorter on the tiny quick document).
 */
const noCompactionEnv = (unloadGraceMs: number) => ({
  COMPACT_AFTER_UPDATES: '1000000000',
  COMPACT_AFTER_BYTES: '1000000000000',
  UNLOAD_GRACE_MS: String(unloadGraceMs),
});

/**
 * The document holding a whole sequential trace's history: how fast it loads cold before and after
 * compaction, what it costs on disk, and what storing one update costs in each persistence layer.
 */
export function storageScenario(): Scenario {
  let floor: SequentialFloor | undefined;
  return {
    id: 'storage',
    title: 'Storage: a document holding a whole trace\'s history',
    description:
      'The sequential trace is typed through the server (Normspace with compaction held back, so its log holds every update). ' +
      'Once the receiving client has the whole text, the server is stopped — SIGKILL for Normspace (what it has broadcast is on disk; this keeps the log as it is), ' +
      'SIGTERM for the peers once they have stopped writing (waited for, at most 120 s: the first row) — and started again; a fresh client then opens the document: ' +
      '"cold load" is from opening the websocket until the message that completes the text has arrived (the client\'s own decoding excluded; ' +
      'the row "until applied" includes it). After that load each server compacts (Normspace on unload, y-leveldb when a load finds > 500 updates, ' +
      'Hocuspocus always stores whole documents); the server is restarted and the document loaded cold again. ' +
      'Bytes on disk are the data directory\'s growth. The append rows call each server\'s persistence layer directly.',
    metrics: METRICS,
    headline: 'coldSnapshotMs',
    async prepare(context) {
      const ref = context.traces.sequential;
      if (!ref) return { skipped: context.traces.missing.join('; ') || 'no sequential trace' };
      floor = sequentialFloor(ref, 1);
      return {
        note: `Document: ${loadCachedTrace(ref).name}, encoded size (Y.encodeStateAsUpdate) ${Math.round(floor.encodedBytes / 1024)} KB.`,
        reference: { encodedBytes: floor.encodedBytes },
      };
    },
    run: (kind, context) => withDataDir(context.workDir, (dir) => runStorage(kind, context, dir, floor!)),
  };
}

async function runStorage(kind: ServerKind, context: ScenarioContext, dir: string, floor: SequentialFloor) {
  const ref: TraceRef = context.traces.sequential!;
  const unloadGraceMs = context.quick ? 1500 : 3000;
  const settings: ServerSettings = { dataDir: path.join(dir, 'data'), normspaceEnv: noCompactionEnv(unloadGraceMs) };
  const { pool } = context;
  let server: ServerUnderTest | undefined;
  const notes: string[] = [];
  try {
    // what an empty server keeps on disk (ours: the workspace, its index, taxonomy and demo document)
    let baseline = 0;
    if (!context.quick) {
      server = await startServerUnderTest(kind, settings);
      await server.stop('SIGTERM');
      baseline = directorySize(settings.dataDir);
    }

    server = await startServerUnderTest(kind, settings);
    const [room] = await server.createRooms(1);
    const client = (id: number): ClientSpec => ({ id, protocol: server!.protocol, url: server!.wsUrl, room: room! });
    await Promise.all([
      pool.call(0, { kind: 'connect', clients: [client(1)], concurrency: 1, timeoutMs: 30_000 }),
      pool.call(1, { kind: 'connect', clients: [client(2)], concurrency: 1, timeoutMs: 30_000 }),
    ]);
    await pool.call(1, { kind: 'watchText', id: 2, trace: ref, timeoutMs: context.quick ? 60_000 : 180_000 });
    context.log('writing the history');
    await pool.call(0, { kind: 'replaySequential', id: 1, trace: ref, chunk: 500 });
    const written = await pool.call(1, { kind: 'watchResult', id: 2 });
    if (!written.complete) notes.push(`the receiving client ended with ${written.textLength} characters`);
    await pool.callAll({ kind: 'disconnect' });
    // the peers store after they broadcast: give them time to finish writing (bounded)
    const writingAfterMs = await waitUntilIdle(server.pid, { timeoutMs: context.quick ? 15_000 : 120_000 });
    if (writingAfterMs === undefined) notes.push('still writing when it was stopped (the wait is bounded)');
    // ours: everything a client has received is stored, so a crash keeps it and keeps the log as it is
    await server.stop(kind === 'normspace' ? 'SIGKILL' : 'SIGTERM');
    const diskLog = directorySize(settings.dataDir) - baseline;

    const load = async (id: number) => pool.call(0, { kind: 'coldLoad', client: client(id), trace: ref, timeoutMs: 20_000 });
    server = await startServerUnderTest(kind, settings);
    const coldLog = await load(3);
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, unloadGraceMs + 200)); // our unload grace; the peers store on disconnect
      await waitUntilIdle(server!.pid);
    };
    await settle();
    const reload = await load(4);
    await settle();
    await server.stop('SIGTERM');
    const diskCompacted = directorySize(settings.dataDir) - baseline;

    server = await startServerUnderTest(kind, settings);
    const coldSnapshot = await load(5);
    await server.stop('SIGTERM');
    server = undefined;

    const expectedLength = loadCachedTrace(ref).endContent.length;
    const loads = [coldLog, reload, coldSnapshot];
    const incomplete = loads.filter((l) => !l.complete);
    for (const l of incomplete) notes.push(`a load ended with ${l.textLength} of ${expectedLength} characters`);

    const append = await measureAppendCost(kind, path.join(dir, 'append'), context.quick ? 50 : 300, floor.finalState);
    notes.push(append.note);
    return {
      metrics: {
        writingAfterMs: writingAfterMs ?? NaN,
        coldLogMs: coldLog.receivedMs,
        coldSnapshotMs: coldSnapshot.receivedMs,
        reloadMs: reload.receivedMs,
        coldSnapshotAppliedMs: coldSnapshot.appliedMs,
        diskLogKB: diskLog / 1024,
        diskCompactedKB: diskCompacted / 1024,
        diskToEncoded: diskCompacted / floor.encodedBytes,
        appendUs: append.singleUs,
        appendGroupUs: append.groupUs,
      },
      converged: written.complete && incomplete.length === 0,
      // characters missing from the worst load (0 when every load had the whole text)
      lostUpdates: written.complete && incomplete.length === 0 ? 0 : expectedLength - Math.min(...loads.map((l) => l.textLength)),
      notes,
      details: { coldLog, reload, coldSnapshot, baselineBytes: baseline, append },
    };
  } finally {
    await pool.callAll({ kind: 'disconnect' }).catch(() => undefined);
    await server?.stop('SIGKILL');
  }
}

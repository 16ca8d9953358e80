import { directorySize } from '../measure/directorySize.ts';
import { ProcessSampler } from '../measure/ProcessSampler.ts';
import type { MetricDef } from '../report/BenchResults.ts';
import { loadCachedTrace } from '../traces/loadCachedTrace.ts';
import { sequentialFloor } from '../traces/sequentialFloor.ts';
import type { SequentialTrace } from '../traces/Trace.ts';
import type { Scenario } from './Scenario.ts';
import { withDataDir, withServer } from './withServer.ts';

const METRICS: MetricDef[] = [
  { key: 'wallMs', label: 'wall time until the receiver has the final text', unit: 'ms', lowerIsBetter: true },
  { key: 'ratioToFloor', label: 'ratio to the in-memory floor', unit: '×', lowerIsBetter: true },
  { key: 'cpuSeconds', label: 'server CPU time', unit: 's', lowerIsBetter: true },
  { key: 'rssPeak', label: 'server RSS peak', unit: 'MB', lowerIsBetter: true },
  { key: 'diskKB', label: 'data directory afterwards (default settings, server stopped)', unit: 'KB', lowerIsBetter: true },
];

/**
 * A sequential trace (automerge-paper: 259,778 single-character edits) typed by one client into
 * the editor's structure, one update per edit, with a second client receiving. The floor is the
 * same replay between two Y.Docs in one process, without server or network.
 */
export function sequentialTraceScenario(): Scenario {
  let floorMs = NaN;
  return {
    id: 'trace-sequential',
    title: 'Sequential trace typed into the editor structure',
    description:
      'One client types every edit of the trace as its own update into one paragraph (`XmlFragment` `default` → `paragraph` → `XmlText`); ' +
      'a second client, in another process, receives. Wall time from the first keystroke until the receiver\'s text equals the trace\'s `endContent`. ' +
      'Floor: the same typing in memory, each update applied to a second `Y.Doc`, no server (best of two runs).',
    metrics: METRICS,
    headline: 'wallMs',
    async prepare(context) {
      const ref = context.traces.sequential;
      if (!ref) return { skipped: context.traces.missing.join('; ') || 'no sequential trace' };
      const trace = loadCachedTrace(ref) as SequentialTrace;
      const floor = sequentialFloor(ref, context.quick ? 1 : 2);
      floorMs = floor.ms;
      return {
        note: `Trace: ${trace.name}, ${trace.txns.length.toLocaleString('en')} edits, ${trace.endContent.length.toLocaleString('en')} characters at the end.`,
        reference: {
          floorMs: floor.ms,
          edits: trace.txns.length,
          finalCharacters: trace.endContent.length,
          updates: floor.updates,
          updateBytes: floor.updateBytes,
          encodedBytes: floor.encodedBytes,
        },
      };
    },
    async run(kind, context) {
      const ref = context.traces.sequential!;
      return withDataDir(context.workDir, (dataDir) =>
        withServer(kind, { dataDir }, context.pool, async (server) => {
          const { pool } = context;
          const [room] = await server.createRooms(1);
          const client = (id: number) => ({ id, protocol: server.protocol, url: server.wsUrl, room: room! });
          await Promise.all([
            pool.call(0, { kind: 'connect', clients: [client(1)], concurrency: 1, timeoutMs: 30_000 }),
            pool.call(1, { kind: 'connect', clients: [client(2)], concurrency: 1, timeoutMs: 30_000 }),
          ]);
          const timeoutMs = context.quick ? 60_000 : 180_000;
          await pool.call(1, { kind: 'watchText', id: 2, trace: ref, timeoutMs });
          const sampler = new ProcessSampler(server.pid);
          sampler.start();
          context.log('replaying');
          const typed = await pool.call(0, { kind: 'replaySequential', id: 1, trace: ref, chunk: 500 });
          const received = await pool.call(1, { kind: 'watchResult', id: 2 });
          const usage = sampler.stop();
          const missing = await pool.call(1, {
            kind: 'waitForClocks',
            targets: [{ room: room!, client: typed.client, clock: typed.finalClock }],
            timeoutMs: 1,
            ids: [2],
          });
          // what the server holds: a third client opening the document must get the same text
          const late = await pool.call(1, { kind: 'coldLoad', client: client(3), trace: ref, timeoutMs: 60_000 });
          await pool.callAll({ kind: 'disconnect' });
          await server.stop('SIGTERM');
          const diskKB = directorySize(dataDir) / 1024;
          const wallMs = received.doneAt - typed.startedAt;
          return {
            metrics: { wallMs, ratioToFloor: wallMs / floorMs, cpuSeconds: usage.cpuSeconds, rssPeak: usage.rssPeakBytes / 2 ** 20, diskKB },
            converged: received.complete && late.complete,
            lostUpdates: missing.missingClocks,
            notes: [
              ...(received.complete ? [] : [`receiver ended with ${received.textLength} characters`]),
              ...(late.complete ? [] : [`a client opening the document afterwards got ${late.textLength} characters`]),
            ],
            details: { typingMs: typed.typedAt - typed.startedAt, serverUsage: usage, lateJoinerMs: late.appliedMs },
          };
        }),
      );
    },
  };
}

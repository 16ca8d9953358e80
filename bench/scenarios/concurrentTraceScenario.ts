import { ProcessSampler } from '../measure/ProcessSampler.ts';
import type { MetricDef } from '../report/BenchResults.ts';
import { loadCachedTrace } from '../traces/loadCachedTrace.ts';
import { replayConcurrentInMemory, type ConcurrentReplay } from '../traces/replayConcurrentInMemory.ts';
import type { ConcurrentTrace } from '../traces/Trace.ts';
import type { Scenario } from './Scenario.ts';
import { withDataDir, withServer } from './withServer.ts';

const METRICS: MetricDef[] = [
  { key: 'wallMs', label: 'wall time until both clients have the final text', unit: 'ms', lowerIsBetter: true },
  { key: 'ratioToFloor', label: 'ratio to the in-memory floor', unit: '×', lowerIsBetter: true },
  { key: 'cpuSeconds', label: 'server CPU time', unit: 's', lowerIsBetter: true },
];

/**
 * A two-agent concurrent trace (friendsforever) replayed by two clients, one per agent. The floor
 * replays it in memory with a replica per agent merging at the parent points; the clients then send
 * exactly the updates each replica produced, each once what it depends on has arrived.
 */
export function concurrentTraceScenario(): Scenario {
  let replay: ConcurrentReplay | undefined;
  return {
    id: 'trace-concurrent',
    title: 'Concurrent trace replayed by two clients',
    description:
      'Two clients in two processes, one per agent. Each sends, in order, the updates its agent produced in the in-memory replay (byte for byte the same), ' +
      'each only after the other agent\'s edits it depends on have arrived through the server: the trace\'s causal chain becomes network round trips. ' +
      'Wall time until both texts equal `endContent`. Floor: the in-memory replay, one replica per agent merging at the parent points (best of three).',
    metrics: METRICS,
    headline: 'wallMs',
    async prepare(context) {
      const ref = context.traces.concurrent;
      if (!ref) return { skipped: context.traces.missing.join('; ') || 'no concurrent trace' };
      const trace = loadCachedTrace(ref) as ConcurrentTrace;
      for (let i = 0; i < 3; i++) {
        const again = replayConcurrentInMemory(trace);
        if (!again.matches) throw new Error(`the in-memory replay of ${trace.name} does not produce its endContent`);
        if (!replay || again.ms < replay.ms) replay = again;
      }
      return {
        note: `Trace: ${trace.name}, ${trace.txns.length.toLocaleString('en')} transactions by 2 agents, ${trace.endContent.length.toLocaleString('en')} characters at the end.`,
        reference: {
          floorMs: replay!.ms,
          transactions: trace.txns.length,
          crossAgentDependencies: replay!.agents.reduce(
            (sum, agent) => sum + agent.needOtherClock.filter((need, i) => i > 0 && need > agent.needOtherClock[i - 1]!).length,
            0,
          ),
        },
      };
    },
    async run(kind, context) {
      const ref = context.traces.concurrent!;
      const { agents, ms: floorMs } = replay!;
      return withDataDir(context.workDir, (dataDir) =>
        withServer(kind, { dataDir }, context.pool, async (server) => {
          const { pool } = context;
          const [room] = await server.createRooms(1);
          await Promise.all(
            [0, 1].map((w) => pool.call(w, { kind: 'connect', clients: [{ id: w + 1, protocol: server.protocol, url: server.wsUrl, room: room! }], concurrency: 1, timeoutMs: 30_000 })),
          );
          const timeoutMs = context.quick ? 60_000 : 120_000;
          await Promise.all([0, 1].map((w) => pool.call(w, { kind: 'watchText', id: w + 1, trace: ref, timeoutMs })));
          const sampler = new ProcessSampler(server.pid);
          sampler.start();
          const startAt = performance.timeOrigin + performance.now() + 300;
          context.log('replaying');
          const sent = await Promise.all(
            [0, 1].map((w) =>
              pool.call(w, { kind: 'replayAgent', id: w + 1, script: agents[w]!, otherClientId: agents[1 - w]!.clientId, startAt, timeoutMs }),
            ),
          );
          const received = await Promise.all([0, 1].map((w) => pool.call(w, { kind: 'watchResult', id: w + 1 })));
          const usage = sampler.stop();
          const targets = agents.map((agent) => ({ room: room!, client: agent.clientId, clock: agent.finalClock }));
          const missing = await pool.callAll({ kind: 'waitForClocks', targets, timeoutMs: 1 });
          const late = await pool.call(0, { kind: 'coldLoad', client: { id: 3, protocol: server.protocol, url: server.wsUrl, room: room! }, trace: ref, timeoutMs: 30_000 });
          await pool.callAll({ kind: 'disconnect' });
          const wallMs = Math.max(...received.map((r) => r.doneAt)) - Math.min(...sent.map((s) => s.startedAt));
          const complete = received.every((r) => r.complete) && sent.every((s) => s.complete);
          return {
            metrics: { wallMs, ratioToFloor: wallMs / floorMs, cpuSeconds: usage.cpuSeconds },
            converged: complete && late.complete,
            lostUpdates: missing.reduce((sum, m) => sum + m.missingClocks, 0),
            notes: [
              ...(complete ? [] : [`incomplete: texts of ${received.map((r) => r.textLength).join(' and ')} characters`]),
              ...(late.complete ? [] : [`a client opening the document afterwards got ${late.textLength} characters`]),
            ],
            details: { waitsForTheOtherAgent: sent.map((s) => s.blocked), serverUsage: usage },
          };
        }),
      );
    },
  };
}

import type { ClientSpec, RoomClock, SendLog } from '../clients/workerProtocol.ts';
import { now } from '../measure/now.ts';
import { ProcessSampler } from '../measure/ProcessSampler.ts';
import { summarize } from '../measure/summarize.ts';
import type { MetricDef } from '../report/BenchResults.ts';
import { divergedRooms } from './checkConvergence.ts';
import type { Scenario } from './Scenario.ts';
import { withDataDir, withServer } from './withServer.ts';

export interface LatencyConfig {
  id: string;
  title: string;
  docs: number;
  clientsPerDoc: number;
  writersPerDoc: number;
  editsPerSecond: number;
  durationMs: number;
  /** Whether the clients that only read share presence (false: an audience). Default true. */
  readersSharePresence?: boolean;
}

/** Edits of the first seconds warm every process up; they are checked for loss but not timed. */
const WARM_UP_MS = 2000;

const METRICS: MetricDef[] = [
  { key: 'p50', label: 'latency p50', unit: 'ms', lowerIsBetter: true },
  { key: 'p95', label: 'latency p95', unit: 'ms', lowerIsBetter: true },
  { key: 'p99', label: 'latency p99', unit: 'ms', lowerIsBetter: true },
  { key: 'max', label: 'latency max', unit: 'ms', lowerIsBetter: true },
  { key: 'allP99', label: 'p99 until every other client has it', unit: 'ms', lowerIsBetter: true },
  { key: 'cpu', label: 'server CPU (of one core)', unit: '%', lowerIsBetter: true },
  { key: 'rssPeak', label: 'server RSS peak', unit: 'MB', lowerIsBetter: true },
  { key: 'connectP50', label: 'connect + first sync p50', unit: 'ms', lowerIsBetter: true },
];

/** How many late joiners check what the server kept (one per room, at most this many rooms). */
const LATE_JOINER_ROOMS = 20;

/**
 * Propagation latency: `clientsPerDoc` clients on each of `docs` documents, `writersPerDoc` of them
 * typing a character `editsPerSecond` times a second into their own paragraph. Latency is from the
 * keystroke to the moment the edit is applied in each other client of the document.
 */
export function latencyScenario(config: LatencyConfig): Scenario {
  const { docs, clientsPerDoc, writersPerDoc, editsPerSecond, durationMs, readersSharePresence = true } = config;
  const warmUpMs = Math.min(WARM_UP_MS, durationMs / 4);
  return {
    id: config.id,
    title: config.title,
    description:
      `${docs === 1 ? 'One document' : `${docs} documents`} × ${clientsPerDoc} clients, ${writersPerDoc} writer${writersPerDoc > 1 ? 's' : ''} per document ` +
      `typing ${editsPerSecond} characters/s each for ${durationMs / 1000} s (the first ${warmUpMs / 1000} s are warm-up: checked, not timed). ` +
      `${readersSharePresence ? 'Every client shares presence (set at a random moment of its first 15 s, renewed every 15 s)' : 'Only the writers share presence; the audience does not'}. ` +
      `A client per document (up to ${LATE_JOINER_ROOMS}) joins afterwards and must get every edit.`,
    metrics: METRICS,
    headline: 'p99',
    async run(kind, context) {
      return withDataDir(context.workDir, (dataDir) =>
        withServer(kind, { dataDir }, context.pool, async (server) => {
          const { pool } = context;
          const rooms = await server.createRooms(docs);
          const specs: ClientSpec[][] = Array.from({ length: pool.size }, () => []);
          const writers: number[][] = Array.from({ length: pool.size }, () => []);
          let id = 0;
          for (const room of rooms) {
            for (let k = 0; k < clientsPerDoc; k++, id++) {
              const presence = k < writersPerDoc || readersSharePresence ? 'spread' : 'none';
              specs[id % pool.size]!.push({ id, protocol: server.protocol, url: server.wsUrl, room, presence });
              if (k < writersPerDoc) writers[id % pool.size]!.push(id);
            }
          }
          context.log(`connecting ${id} clients`);
          const connected = await Promise.all(
            specs.map((clients, w) => pool.call(w, { kind: 'connect', clients, concurrency: 16, timeoutMs: 30_000 })),
          );
          const failed = connected.reduce((sum, c) => sum + c.failed, 0);
          if (failed > 0) throw new Error(`${failed} clients did not connect`);

          const setup = (await Promise.all(writers.map((ids, w) => pool.call(w, { kind: 'addParagraphs', ids })))).flatMap((r) => r.clocks);
          const settled = await pool.callAll({ kind: 'waitForClocks', targets: setup, timeoutMs: 30_000 });
          if (settled.some((s) => s.reached < s.total)) throw new Error('clients did not receive every writer\'s paragraph');

          context.log(`typing for ${durationMs / 1000} s`);
          const sampler = new ProcessSampler(server.pid);
          const clientSamplers = pool.pids.map((pid) => new ProcessSampler(pid));
          const startAt = now() + 500;
          setTimeout(() => [sampler, ...clientSamplers].forEach((s) => s.start()), 500);
          const sends: SendLog[] = (
            await Promise.all(writers.map((ids, w) => pool.call(w, { kind: 'typeAtRate', ids, startAt, durationMs, editsPerSecond })))
          ).flatMap((r) => r.sends);
          const usage = sampler.stop();
          const clientCpu = clientSamplers.map((s) => s.stop().cpuPercent);

          const targets: RoomClock[] = sends.map(({ room, client, clock }) => ({ room, client, clock }));
          await pool.callAll({ kind: 'waitForClocks', targets, timeoutMs: 30_000 });
          const measureFrom = startAt + warmUpMs;
          const collected = await pool.callAll({ kind: 'collectLatencies', sends, measureFrom });

          const latencies = collected.flatMap((c) => [...c.latencies]);
          const untilAll: number[] = [];
          sends.forEach((send, s) =>
            send.times.forEach((sentAt, e) => {
              const last = Math.max(...collected.map((c) => c.lastArrivals[s]![e]!));
              if (Number.isFinite(last) && sentAt >= measureFrom) untilAll.push(last - sentAt);
            }),
          );
          const missingDeliveries = collected.reduce((sum, c) => sum + c.missing, 0);
          const diverged = divergedRooms(collected.flatMap((c) => c.fingerprints));

          // a late joiner per room (up to LATE_JOINER_ROOMS) must get every edit from the server
          const lateRooms = rooms.slice(0, LATE_JOINER_ROOMS);
          const late = lateRooms.map((room, index) => ({ id: id + index, protocol: server.protocol, url: server.wsUrl, room }));
          await pool.call(0, { kind: 'connect', clients: late, concurrency: 8, timeoutMs: 30_000 });
          const lateCheck = await pool.call(0, {
            kind: 'waitForClocks',
            targets: targets.filter((t) => lateRooms.includes(t.room)),
            timeoutMs: 15_000,
            ids: late.map((c) => c.id),
          });
          await pool.callAll({ kind: 'disconnect' });

          const edits = sends.reduce((sum, s) => sum + s.clocks.length, 0);
          const distribution = summarize(latencies);
          const connectMs = summarize(connected.flatMap((c) => c.connectMs));
          return {
            metrics: {
              p50: distribution.p50,
              p95: distribution.p95,
              p99: distribution.p99,
              max: distribution.max,
              allP99: summarize(untilAll).p99,
              cpu: usage.cpuPercent,
              rssPeak: usage.rssPeakBytes / 2 ** 20,
              connectP50: connectMs.p50,
            },
            converged: diverged.length === 0 && lateCheck.missingClocks === 0,
            lostUpdates: missingDeliveries + lateCheck.missingClocks,
            notes: [
              ...(diverged.length > 0 ? [`${diverged.length} documents diverged`] : []),
              ...(Math.max(...clientCpu) > 85 ? [`client workers at ${clientCpu.map((c) => Math.round(c)).join(' % and ')} % of a core: the clients limit this run too`] : []),
            ],
            details: {
              edits,
              deliveries: distribution.count,
              missingDeliveries,
              lateJoinerMissingEdits: lateCheck.missingClocks,
              latency: distribution,
              untilEveryOther: summarize(untilAll),
              connect: connectMs,
              serverUsage: usage,
              clientWorkerCpuPercent: clientCpu,
            },
          };
        }),
      );
    },
  };
}

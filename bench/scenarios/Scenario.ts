import type { WorkerPool } from '../clients/WorkerPool.ts';
import type { MetricDef, ServerRun } from '../report/BenchResults.ts';
import type { ServerKind } from '../servers/ServerUnderTest.ts';
import type { TraceRef } from '../traces/Trace.ts';

/** What every scenario gets from the runner. */
export interface ScenarioContext {
  quick: boolean;
  /** Parent of the temporary data directories. */
  workDir: string;
  traces: { sequential?: TraceRef; concurrent?: TraceRef; missing: string[] };
  log: (message: string) => void;
  /** The client worker processes of the run (two), shared by every scenario. */
  pool: WorkerPool;
}

/** One benchmark: it runs on each server in turn and stops by itself. */
export interface Scenario {
  id: string;
  title: string;
  description: string;
  metrics: MetricDef[];
  /** The metric the summary table shows for this scenario. */
  headline: string;
  /**
   * Work done once per scenario, before the servers (e.g. the in-memory floor). It may skip the
   * scenario, and add a note to its description (e.g. which trace was used).
   */
  prepare?(context: ScenarioContext): Promise<{ reference?: Record<string, number>; skipped?: string; note?: string }>;
  run(server: ServerKind, context: ScenarioContext): Promise<Omit<ServerRun, 'server' | 'status'>>;
}

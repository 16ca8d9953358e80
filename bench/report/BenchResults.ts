import type { ServerKind } from '../servers/ServerUnderTest.ts';

export type Unit = 'ms' | 's' | '%' | 'MB' | 'KB' | 'bytes' | 'µs' | '×' | 'count';

/** A figure a scenario reports for every server. */
export interface MetricDef {
  key: string;
  label: string;
  unit: Unit;
  /** Whether less is better (latency, memory); the ratio column is ours ÷ best peer either way. */
  lowerIsBetter: boolean;
}

/** One scenario on one server. */
export interface ServerRun {
  server: ServerKind;
  status: 'ok' | 'failed' | 'skipped';
  reason?: string;
  metrics: Record<string, number>;
  /** Every client (and a late joiner) ended with the same document. */
  converged: boolean;
  /** Edits some client never received, or that the stored document lacks. Must be 0. */
  lostUpdates: number;
  notes: string[];
  details?: Record<string, unknown>;
}

export interface ScenarioReport {
  id: string;
  title: string;
  /** What was done, in a sentence or two, for the reader of the report. */
  description: string;
  metrics: MetricDef[];
  /** Key of the metric shown in the summary table. */
  headline: string;
  runs: ServerRun[];
  /** Server-independent figures (e.g. the in-memory floor of a trace). */
  reference?: Record<string, number>;
  skipped?: string;
  /** When this scenario ran (ISO), and the load average then: a `--only` run may re-measure it after the full run. */
  measuredAt?: string;
  loadAverage?: number[];
}

export interface MachineInfo {
  cpus: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  /** Other heavy processes seen during the run (e.g. a browser test), if any. */
  busy: string[];
}

export interface GoalCheck {
  goal: string;
  met: boolean | undefined;
  measured: string;
}

export interface BenchResults {
  date: string;
  mode: 'full' | 'quick';
  durationSeconds: number;
  machine: MachineInfo;
  versions: Record<string, string>;
  normspaceEnv: Record<string, string>;
  scenarios: ScenarioReport[];
  goals: GoalCheck[];
}

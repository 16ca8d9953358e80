/** One patch of an editing trace: at `pos`, delete `deleteCount` characters, then insert `insert`. */
export type Patch = [pos: number, deleteCount: number, insert: string];

/** A sequential trace: apply every transaction's patches in order to an empty text. */
export interface SequentialTrace {
  name: string;
  endContent: string;
  txns: Patch[][];
}

/** A transaction of a concurrent trace, applied by `agent` on the state after `parents` (indices into `txns`). */
export interface ConcurrentTxn {
  agent: number;
  parents: number[];
  patches: Patch[];
}

export interface ConcurrentTrace {
  name: string;
  endContent: string;
  txns: ConcurrentTxn[];
}

/** Where a worker finds a trace: a file of josephg/editing-traces, or a synthetic one it regenerates. */
export type TraceRef = { kind: 'sequential' | 'concurrent'; name: string } & (
  | { source: 'file'; path: string }
  | { source: 'synthetic'; txns: number; seed: number }
);

import fs from 'node:fs';
import zlib from 'node:zlib';
import { syntheticConcurrentTrace } from './syntheticConcurrentTrace.ts';
import { syntheticSequentialTrace } from './syntheticSequentialTrace.ts';
import type { ConcurrentTrace, Patch, SequentialTrace, TraceRef } from './Trace.ts';

interface TraceFile {
  endContent: string;
  txns: { patches: Patch[]; parents?: number[]; agent?: number }[];
}

function readTraceFile(path: string): TraceFile {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(path)).toString('utf8')) as TraceFile;
}

export function loadSequentialTrace(ref: TraceRef): SequentialTrace {
  if (ref.source === 'synthetic') return syntheticSequentialTrace(ref.txns, ref.seed);
  const file = readTraceFile(ref.path);
  return { name: ref.name, endContent: file.endContent, txns: file.txns.map((txn) => txn.patches) };
}

export function loadConcurrentTrace(ref: TraceRef): ConcurrentTrace {
  if (ref.source === 'synthetic') return syntheticConcurrentTrace(ref.txns, ref.seed);
  const file = readTraceFile(ref.path);
  return {
    name: ref.name,
    endContent: file.endContent,
    txns: file.txns.map((txn) => ({ agent: txn.agent ?? 0, parents: txn.parents ?? [], patches: txn.patches })),
  };
}

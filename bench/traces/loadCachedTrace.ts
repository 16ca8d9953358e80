import { loadConcurrentTrace, loadSequentialTrace } from './loadTrace.ts';
import type { ConcurrentTrace, SequentialTrace, TraceRef } from './Trace.ts';

const cache = new Map<string, SequentialTrace | ConcurrentTrace>();

/** Loads (once per process) the trace `ref` points to; its `kind` says which shape it has. */
export function loadCachedTrace(ref: TraceRef): SequentialTrace | ConcurrentTrace {
  const key = JSON.stringify(ref);
  let trace = cache.get(key);
  if (!trace) {
    trace = ref.kind === 'sequential' ? loadSequentialTrace(ref) : loadConcurrentTrace(ref);
    cache.set(key, trace);
  }
  return trace;
}

import fs from 'node:fs';
import path from 'node:path';
import type { TraceRef } from './traces/Trace.ts';

export interface TraceSet {
  sequential?: TraceRef;
  concurrent?: TraceRef;
  /** Why a trace is not available, for the report and the console. */
  missing: string[];
}

/**
 * The traces a run uses: in quick mode small synthetic ones (the tests never need the real ones);
 * otherwise automerge-paper and friendsforever from `dir`, each reported missing if it is not there.
 */
export function findTraces(dir: string, quick: boolean): TraceSet {
  if (quick) {
    return {
      sequential: { kind: 'sequential', source: 'synthetic', name: 'synthetic-sequential', txns: 3000, seed: 1 },
      concurrent: { kind: 'concurrent', source: 'synthetic', name: 'synthetic-concurrent', txns: 1500, seed: 2 },
      missing: [],
    };
  }
  const set: TraceSet = { missing: [] };
  const file = (name: string) => path.join(dir, `${name}.json.gz`);
  if (fs.existsSync(file('automerge-paper'))) {
    set.sequential = { kind: 'sequential', source: 'file', name: 'automerge-paper', path: file('automerge-paper') };
  } else set.missing.push(`trace not found: ${file('automerge-paper')}`);
  if (fs.existsSync(file('friendsforever'))) {
    set.concurrent = { kind: 'concurrent', source: 'file', name: 'friendsforever', path: file('friendsforever') };
  } else set.missing.push(`trace not found: ${file('friendsforever')}`);
  return set;
}

import path from 'node:path';
import { REPO_ROOT } from './repoRoot.ts';
import { SERVER_KINDS, type ServerKind } from './servers/ServerUnderTest.ts';

export interface BenchOptions {
  /** Seconds instead of minutes: tiny sizes and synthetic traces. */
  quick: boolean;
  /** Scenario ids (or prefixes) to run; all when empty. */
  only: string[];
  servers: ServerKind[];
  /** Where benchmarks.md and benchmarks.json go. */
  outDir: string;
  tracesDir: string;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--only <scenario>[,<scenario>…]] [--servers normspace,reference,hocuspocus]
                       [--out <dir>] [--traces <dir>]

  --quick     seconds instead of minutes: tiny sizes, synthetic traces; writes to .tmp/bench-quick/ unless --out
  --only      run only these scenarios (ids or prefixes: latency, trace, storage, memory, latency-20x5 …;
              analysis, comments, export, imports are sections of their own)
  --servers   which servers to compare (default: all three)
  --out       output directory (default: docs/)
  --traces    directory of the editing traces (default: ../shared/traces, or BENCH_TRACES_DIR)

Environment: BENCH_CPU_PROF_DIR=<dir> writes a V8 CPU profile of every server process there;
BENCH_SERVER_OUTPUT=1 copies the servers' output to stderr.`;

/** Parses the command line of `bench/run.ts`; throws with the usage on anything unknown. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    quick: false,
    only: [],
    servers: [...SERVER_KINDS],
    outDir: '',
    tracesDir: process.env.BENCH_TRACES_DIR ?? path.resolve(REPO_ROOT, '../shared/traces'),
  };
  const value = (index: number, flag: string) => {
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n\n${USAGE}`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') options.quick = true;
    else if (arg === '--only') options.only.push(...value(i++, arg).split(','));
    else if (arg === '--servers') {
      const servers = value(i++, arg).split(',');
      const unknown = servers.filter((s) => !(SERVER_KINDS as readonly string[]).includes(s));
      if (unknown.length > 0) throw new Error(`unknown server ${unknown.join(', ')}; known: ${SERVER_KINDS.join(', ')}`);
      options.servers = servers as ServerKind[];
    } else if (arg === '--out') options.outDir = path.resolve(value(i++, arg));
    else if (arg === '--traces') options.tracesDir = path.resolve(value(i++, arg));
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
  }
  options.outDir ||= path.join(REPO_ROOT, options.quick ? '.tmp/bench-quick' : 'docs');
  return options;
}

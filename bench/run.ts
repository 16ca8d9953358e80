/**
 * `npm run bench`: Normspace beside the reference y-websocket server and Hocuspocus, on the same
 * machine with the same harness. See `BenchOptions.ts` for the flags.
 */
import { parseBenchOptions } from './BenchOptions.ts';
import { writeAnalysisSection } from './analysis.ts';
import { runBench } from './runBench.ts';

let options;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const results = await runBench(options);
if (options.only.length === 0 || options.only.includes('analysis')) {
  console.log('analysis: overlap analysis (issue 4), in process');
  writeAnalysisSection(options.outDir, options.quick);
}
const failures = results.scenarios.flatMap((s) => s.runs.filter((r) => r.server === 'normspace' && (r.status !== 'ok' || !r.converged || r.lostUpdates !== 0)));
for (const goal of results.goals) console.log(`${goal.met === undefined ? '·' : goal.met ? '✓' : '✗'} ${goal.goal}: ${goal.measured}`);
// a lost update or a divergence on our server fails the run; goals missed do not
process.exit(failures.length > 0 ? 1 : 0);

/**
 * `npm run bench`: Normspace beside the reference y-websocket server and Hocuspocus, on the same
 * machine with the same harness. See `BenchOptions.ts` for the flags.
 */
import { parseBenchOptions } from './BenchOptions.ts';
import { writeAnalysisSection } from './analysis.ts';
import { writeCommentsSection } from './comments.ts';
import { writeExportSection } from './export.ts';
import { writeImportSection } from './imports.ts';
import { runBench } from './runBench.ts';

let options;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
// `analysis`, `comments`, `export` and `imports` are sections of their own, not server scenarios
const IN_PAGE_SECTIONS = ['analysis', 'comments', 'export', 'imports'];
const wants = (id: string) => options.only.length === 0 || options.only.includes(id);
const serverScenarios = options.only.length === 0 || options.only.some((id) => !IN_PAGE_SECTIONS.includes(id));
const results = serverScenarios ? await runBench(options) : { scenarios: [], goals: [] };
if (wants('analysis')) {
  console.log('analysis: overlap analysis (issue 4), in process');
  writeAnalysisSection(options.outDir, options.quick);
}
if (wants('comments')) {
  console.log('comments: comment sidebar with many threads (issue 5), in Chromium');
  console.log(await writeCommentsSection(options.outDir, options.quick));
}
if (wants('export')) {
  console.log('export: a 100-page report exported in every format (issue 7), through the API of our server');
  console.log((await writeExportSection(options.outDir, options.quick)).section);
}
if (wants('imports')) {
  console.log('imports: health latency while each import bomb and long file is imported, through the API of our server');
  console.log((await writeImportSection(options.outDir, options.quick)).section);
}
const failures = results.scenarios.flatMap((s) => s.runs.filter((r) => r.server === 'normspace' && (r.status !== 'ok' || !r.converged || r.lostUpdates !== 0)));
for (const goal of results.goals) console.log(`${goal.met === undefined ? '·' : goal.met ? '✓' : '✗'} ${goal.goal}: ${goal.measured}`);
// a lost update or a divergence on our server fails the run; goals missed do not
process.exit(failures.length > 0 ? 1 : 0);

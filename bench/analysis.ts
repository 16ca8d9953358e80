/**
 * Issue 4's analysis benchmark: writes its figures into the marked section of
 * `docs/benchmarks.md` (the rest of the file comes from `bench/run.ts`). Run by `npm run bench`.
 */
import { writeMarkedSection } from './writeMarkedSection.ts';
import { measureAnalysis, type AnalysisFigures } from './measureAnalysis.ts';

const START = '<!-- analysis-bench:start -->';
const END = '<!-- analysis-bench:end -->';

/** Measures the analysis and writes its section into `<outDir>/benchmarks.md`; returns the section. */
export function writeAnalysisSection(outDir: string, quick: boolean): string {
  measureAnalysis(1000, 500, 20, 20); // warm-up: JIT, as a page that has been open a moment
  const runs: [string, AnalysisFigures][] = quick
    ? [['1,000 passages, 500 terms, 20 documents', measureAnalysis(1000, 500, 20, 20)]]
    : [
        ['10,000 passages, 500 terms, 20 documents', measureAnalysis(10_000, 500, 20, 200)],
        ['10,000 passages, 500 terms, 1 document', measureAnalysis(10_000, 500, 1, 200)],
      ];

  const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  const rows = runs.map(
    ([label, f]) =>
      `| ${label} | ${ms(f.firstComputationMs)} | ${ms(f.remoteTagChangeMedianMs)} / ${ms(f.remoteTagChangeP95Ms)} / ${ms(f.remoteTagChangeMaxMs)} | ${ms(f.tagChangeWithViewsMedianMs)} |`,
  );
  const section = [
    START,
    '## Overlap analysis (issue 4)',
    '',
    'In-process, `shared/analysis/OverlapAnalysis` as the sidebar uses it: three tags per passage, one passage in seven',
    'spanning the next two (overlaps and nesting), the starter taxonomy padded to 500 terms. Goals: first full computation',
    '≤ 50 ms; one remote tag change ≤ 4 ms.',
    '',
    '| Workload | First full computation | One tag change: median / p95 / max | Tag change + re-reading norms, matrix, coverage (median) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (quick mode)' : ''}; reproduce with \`npx tsx bench/analysis.ts\`.`,
    END,
  ].join('\n');

  writeMarkedSection(outDir, START, END, section);
  return section;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outIndex = process.argv.indexOf('--out');
  console.log(writeAnalysisSection(outIndex > 0 ? process.argv[outIndex + 1]! : 'docs', process.argv.includes('--quick')));
}

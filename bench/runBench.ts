import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './BenchOptions.ts';
import { WorkerPool } from './clients/WorkerPool.ts';
import { benchScenarios } from './benchScenarios.ts';
import { findTraces } from './findTraces.ts';
import type { BenchResults, ScenarioReport, ServerRun } from './report/BenchResults.ts';
import { evaluateGoals } from './report/evaluateGoals.ts';
import { busyProcesses, machineInfo } from './report/machineInfo.ts';
import { packageVersions } from './report/packageVersions.ts';
import { markedSections, renderMarkdownReport } from './report/renderMarkdownReport.ts';
import type { ScenarioContext } from './scenarios/Scenario.ts';
import { NORMSPACE_BENCH_ENV } from './servers/startNormspace.ts';

/**
 * Runs the selected scenarios on every selected server, one after the other, and writes
 * `benchmarks.md` and `benchmarks.json` to `options.outDir`. A scenario that fails on a server is
 * reported as failed there; missing traces skip the scenarios that need them.
 */
export async function runBench(options: BenchOptions, log: (line: string) => void = console.log): Promise<BenchResults> {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-bench-'));
  const machine = machineInfo();
  const busy = new Set<string>(busyProcesses());
  const watchBusy = setInterval(() => busyProcesses().forEach((name) => busy.add(name)), 5_000);
  watchBusy.unref();

  const traces = findTraces(options.tracesDir, options.quick);
  for (const message of traces.missing) log(`! ${message}: the scenarios that need it are skipped`);
  if (busy.size > 0) log(`! the machine is busy (${[...busy].join(', ')}): timings will be noted as taken on a busy machine`);

  const selected = benchScenarios(options.quick).filter(
    (scenario) => options.only.length === 0 || options.only.some((only) => scenario.id === only || scenario.id.startsWith(only)),
  );
  if (selected.length === 0) throw new Error(`no scenario matches --only ${options.only.join(',')}`);

  const reports: ScenarioReport[] = [];
  const pool = await WorkerPool.start(2);
  try {
    for (const scenario of selected) {
      const context: ScenarioContext = {
        quick: options.quick,
        workDir,
        traces,
        log: (message) => log(`    ${message}`),
        pool,
      };
      log(`${scenario.id}: ${scenario.title}`);
      const report: ScenarioReport = {
        id: scenario.id,
        measuredAt: new Date().toISOString(),
        loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
        title: scenario.title,
        description: scenario.description,
        metrics: scenario.metrics,
        headline: scenario.headline,
        runs: [],
      };
      reports.push(report);
      const prepared = scenario.prepare ? await scenario.prepare(context) : {};
      if (prepared.note) report.description += ` ${prepared.note}`;
      if (prepared.reference) report.reference = prepared.reference;
      if (prepared.skipped) {
        report.skipped = prepared.skipped;
        log(`  skipped: ${prepared.skipped}`);
        continue;
      }
      for (const server of options.servers) {
        const scenarioStarted = Date.now();
        let run: ServerRun;
        try {
          run = { server, status: 'ok', ...(await scenario.run(server, context)) };
        } catch (error) {
          run = { server, status: 'failed', reason: (error as Error).message.split('\n')[0], metrics: {}, converged: false, lostUpdates: NaN, notes: [] };
        }
        report.runs.push(run);
        const headline = run.metrics[scenario.headline];
        log(
          `  ${server.padEnd(10)} ${run.status === 'ok' ? `${scenario.headline}=${headline?.toFixed(1)}` : `FAILED: ${run.reason}`}` +
            `  converged=${run.converged} lost=${run.lostUpdates}  (${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s)`,
        );
      }
    }
  } finally {
    await pool.close();
    clearInterval(watchBusy);
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  busyProcesses().forEach((name) => busy.add(name));
  const results: BenchResults = {
    date: new Date(started).toISOString(),
    mode: options.quick ? 'quick' : 'full',
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...machine, loadAverageEnd: os.loadavg().map((n) => Math.round(n * 100) / 100), busy: [...busy] },
    versions: packageVersions(),
    normspaceEnv: NORMSPACE_BENCH_ENV,
    scenarios: reports,
    goals: [],
  };
  fs.mkdirSync(options.outDir, { recursive: true });
  const resultsFile = path.join(options.outDir, 'benchmarks.json');
  if (options.only.length > 0 && !options.quick && fs.existsSync(resultsFile)) {
    // --only: the scenarios run replace theirs in the previous full run's results, the others stay
    const previous = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults;
    if (previous.mode === 'full') {
      results.date = previous.date;
      results.durationSeconds = previous.durationSeconds;
      results.machine = previous.machine;
      results.scenarios = [
        ...previous.scenarios.map((old) => reports.find((report) => report.id === old.id) ?? old),
        ...reports.filter((report) => !previous.scenarios.some((old) => old.id === report.id)),
      ];
    }
  }
  results.goals = evaluateGoals(results);
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const reportFile = path.join(options.outDir, 'benchmarks.md');
  const kept = fs.existsSync(reportFile) ? markedSections(fs.readFileSync(reportFile, 'utf8')) : new Map<string, string>();
  fs.writeFileSync(reportFile, renderMarkdownReport(results, kept));
  log(`wrote ${path.join(options.outDir, 'benchmarks.md')} and benchmarks.json (${results.durationSeconds} s)`);
  return results;
}

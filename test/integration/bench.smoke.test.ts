import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench } from '../../bench/runBench.ts';

/** One of each kind that runs in seconds: several documents over the API, a causal replay, and a reload from disk after SIGKILL. */
const SCENARIOS = ['latency-1000docs', 'trace-concurrent', 'storage'];
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-bench-smoke-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('benchmark suite (quick mode)', () => {
  it('runs on Normspace and the reference server: every client converges and no update is lost', async () => {
    const results = await runBench(
      {
        quick: true,
        only: SCENARIOS,
        servers: ['normspace', 'reference'],
        outDir,
        // quick mode uses synthetic traces: nothing from ../shared is needed
        tracesDir: path.join(outDir, 'no-traces-here'),
      },
      () => {},
    );
    expect(results.scenarios.map((s) => s.id)).toEqual(SCENARIOS);
    for (const scenario of results.scenarios) {
      expect(scenario.skipped, scenario.id).toBeUndefined();
      for (const run of scenario.runs) {
        const where = `${scenario.id} on ${run.server}`;
        expect(run.status, `${where}: ${run.reason}`).toBe('ok');
        expect(run.converged, where).toBe(true);
        expect(run.lostUpdates, where).toBe(0);
      }
      expect(scenario.runs.map((r) => r.server)).toEqual(['normspace', 'reference']);
    }
    expect(fs.readFileSync(path.join(outDir, 'benchmarks.md'), 'utf8')).toContain('| Scenario |');
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'benchmarks.json'), 'utf8'))).toMatchObject({ mode: 'quick' });
  }, 300_000);
});

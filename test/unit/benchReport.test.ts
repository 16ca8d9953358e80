import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/report/BenchResults.ts';
import { markedSections, renderMarkdownReport } from '../../bench/report/renderMarkdownReport.ts';

const results: BenchResults = {
  date: '2026-11-24T06:00:00.000Z',
  mode: 'full',
  durationSeconds: 60,
  machine: { cpus: 'CPU', cores: 2, memoryGiB: 4, os: 'Linux', node: 'v20', loadAverageStart: [1, 1, 1], busy: [] },
  versions: {},
  normspaceEnv: {},
  scenarios: [],
  goals: [{ goal: 'A goal', met: false, measured: '2×' }],
};

describe('the benchmark report', () => {
  it('keeps the hand-written and other marked sections of the previous file: the missed goals after the goals, the rest at the end', () => {
    const previous = [
      '# Benchmarks',
      '<!-- missed-goals:start -->\n## Why the missed goals are missed\n\nBecause.\n<!-- missed-goals:end -->',
      '## Goals',
      '<!-- analysis-bench:start -->\n## Overlap analysis\n<!-- analysis-bench:end -->',
    ].join('\n\n');
    const kept = markedSections(previous);
    expect([...kept.keys()]).toEqual(['missed-goals', 'analysis-bench']);

    const report = renderMarkdownReport(results, kept);
    const goals = report.indexOf('## Goals');
    const why = report.indexOf('## Why the missed goals are missed');
    const scenarios = report.indexOf('## Scenarios');
    const analysis = report.indexOf('## Overlap analysis');
    expect(goals).toBeGreaterThan(0);
    expect(why).toBeGreaterThan(goals);
    expect(scenarios).toBeGreaterThan(why);
    expect(analysis).toBeGreaterThan(report.indexOf('## Reproduce'));
    // rendering its own output again changes nothing
    expect(renderMarkdownReport(results, markedSections(report))).toBe(report);
  });

  it('writes no marked section when there was none', () => {
    expect(renderMarkdownReport(results)).not.toContain(':start -->');
  });

  it('says when a scenario was re-measured on its own after the full run', () => {
    const scenario = { id: 's', title: 'S', description: 'd', metrics: [{ key: 'x', label: 'x', unit: 'ms' as const, lowerIsBetter: true }], headline: 'x', runs: [] };
    const report = renderMarkdownReport({
      ...results,
      scenarios: [
        { ...scenario, measuredAt: '2026-11-24T06:00:30.000Z' },
        { ...scenario, id: 't', title: 'T', measuredAt: '2026-11-24T08:00:00.000Z', loadAverage: [1.5, 1, 1] },
      ],
    });
    expect(report.match(/Re-measured on its own/g)).toHaveLength(1);
    expect(report).toContain('Re-measured on its own (`--only`) on 2026-11-24 08:00 UTC, after the full run; load average then 1.5 / 1 / 1.');
  });
});

import { SERVER_LABELS } from '../servers/ServerUnderTest.ts';
import type { BenchResults, GoalCheck, ScenarioReport } from './BenchResults.ts';
import { formatValue } from './formatValue.ts';

function ours(scenario: ScenarioReport, key: string): number | undefined {
  const run = scenario.runs.find((r) => r.server === 'normspace' && r.status === 'ok');
  return run?.metrics[key];
}

function bestPeer(scenario: ScenarioReport, key: string): number | undefined {
  const values = scenario.runs.filter((r) => r.server !== 'normspace' && r.status === 'ok').map((r) => r.metrics[key]!);
  return values.length > 0 ? Math.min(...values) : undefined;
}

/** The issue's goals, checked against what was measured (undefined: not measured in this run). */
export function evaluateGoals(results: BenchResults): GoalCheck[] {
  const scenarios = results.scenarios.filter((s) => !s.skipped);
  const find = (id: string) => scenarios.find((s) => s.id === id);
  const goals: GoalCheck[] = [];

  const latency = scenarios.filter((s) => s.id.startsWith('latency-'));
  const latencyRows = latency.map((s) => ({ s, mine: ours(s, 'p99'), peer: bestPeer(s, 'p99') }));
  const comparable = latencyRows.filter((r) => r.mine !== undefined && r.peer !== undefined);
  goals.push({
    goal: 'Latency p99 ≤ the best peer\'s, in every scenario',
    met: comparable.length > 0 ? comparable.every((r) => r.mine! <= r.peer!) : undefined,
    measured: comparable.map((r) => `${r.s.title.replace(/^Latency: /, '')}: ${formatValue(r.mine!, 'ms')} vs ${formatValue(r.peer!, 'ms')}`).join('; ') || 'not measured',
  });

  const traces = ['trace-sequential', 'trace-concurrent'].map(find).filter((s): s is ScenarioReport => s !== undefined);
  const ratios = traces.map((s) => ({ s, ratio: ours(s, 'ratioToFloor') })).filter((r) => r.ratio !== undefined);
  goals.push({
    goal: 'Trace replay ≤ 2.5× the in-memory floor',
    met: ratios.length > 0 ? ratios.every((r) => r.ratio! <= 2.5) : undefined,
    measured: ratios.map((r) => `${r.s.title}: ${formatValue(r.ratio!, '×')}`).join('; ') || 'not measured',
  });

  const storage = find('storage');
  const cold = storage && ours(storage, 'coldSnapshotMs');
  goals.push({
    goal: 'Cold load of the automerge-paper document ≤ 50 ms',
    met: cold === undefined || results.mode === 'quick' ? undefined : cold <= 50,
    measured:
      cold === undefined
        ? 'not measured'
        : `after compaction ${formatValue(cold, 'ms')} (until applied by the client ${formatValue(ours(storage!, 'coldSnapshotAppliedMs')!, 'ms')}); ` +
          `from the uncompacted log ${formatValue(ours(storage!, 'coldLogMs')!, 'ms')}`,
  });

  const memory = find('memory');
  const perDocument = memory && ours(memory, 'perDocumentToEncoded');
  goals.push({
    goal: 'Memory per idle loaded document ≤ 2× its encoded size',
    met: perDocument === undefined ? undefined : perDocument <= 2,
    measured: perDocument === undefined ? 'not measured' : `${formatValue(perDocument, '×')} (${formatValue(ours(memory!, 'perDocumentKB')!, 'KB')} per document)`,
  });

  const runs = scenarios.flatMap((s) => s.runs.map((run) => ({ s, run })));
  const mine = runs.filter(({ run }) => run.server === 'normspace');
  const bad = (list: typeof runs) => list.filter(({ run }) => run.status !== 'ok' || !run.converged || run.lostUpdates !== 0);
  const peers = ['reference', 'hocuspocus'] as const;
  goals.push({
    goal: 'Zero lost updates, zero divergence',
    met: mine.length > 0 ? bad(mine).length === 0 : undefined,
    measured:
      `Normspace: ${bad(mine).length === 0 ? `0 lost, converged in all ${mine.length} runs` : bad(mine).map(({ s, run }) => `${s.id}: ${run.status === 'ok' ? `lost ${run.lostUpdates}, converged ${run.converged}` : run.status}`).join('; ')}` +
      peers
        .map((peer) => {
          const list = runs.filter(({ run }) => run.server === peer);
          if (list.length === 0) return '';
          const failing = bad(list);
          return `. ${SERVER_LABELS[peer]}: ${failing.length === 0 ? 'no losses' : failing.map(({ s, run }) => `${s.id}: ${run.status === 'ok' ? `lost ${run.lostUpdates}` : run.status}`).join('; ')}`;
        })
        .join(''),
  });
  return goals;
}

import { concurrentTraceScenario } from './scenarios/concurrentTraceScenario.ts';
import { latencyScenario } from './scenarios/latencyScenario.ts';
import { memoryScenario } from './scenarios/memoryScenario.ts';
import type { Scenario } from './scenarios/Scenario.ts';
import { sequentialTraceScenario } from './scenarios/sequentialTraceScenario.ts';
import { storageScenario } from './scenarios/storageScenario.ts';

/** Every scenario of the suite, at full size or (quick) at a size that runs in seconds. */
export function benchScenarios(quick: boolean): Scenario[] {
  const seconds = (full: number) => (quick ? 1500 : full * 1000);
  const oneDocument = (clients: number, writers: number, viewers = false) => ({
    title: viewers ? `Latency: ${clients - writers} viewers, ${writers} writers` : `Latency: ${clients} clients, ${writers} writing`,
    docs: 1,
    clientsPerDoc: clients,
    writersPerDoc: writers,
  });
  const sized = <T>(full: T, small: T) => (quick ? small : full);
  return [
    latencyScenario({ ...sized(oneDocument(20, 5), oneDocument(4, 2)), id: 'latency-20x5', editsPerSecond: 5, durationMs: seconds(15) }),
    latencyScenario({ ...sized(oneDocument(100, 20), oneDocument(6, 3)), id: 'latency-100x20', editsPerSecond: 5, durationMs: seconds(15) }),
    latencyScenario({
      ...sized(oneDocument(510, 10, true), oneDocument(8, 2, true)),
      id: 'latency-500v10',
      editsPerSecond: 2,
      durationMs: seconds(15),
      readersSharePresence: false,
    }),
    latencyScenario({
      id: 'latency-1000docs',
      title: `Latency: ${sized('1,000', '5')} documents × ${sized(5, 3)} clients`,
      docs: sized(1000, 5),
      clientsPerDoc: sized(5, 3),
      writersPerDoc: 1,
      editsPerSecond: 2,
      durationMs: seconds(15),
    }),
    sequentialTraceScenario(),
    concurrentTraceScenario(),
    storageScenario(),
    memoryScenario(quick ? 20 : 1000),
  ];
}

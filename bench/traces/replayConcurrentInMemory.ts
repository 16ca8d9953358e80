import * as Y from 'yjs';
import { appendParagraph, firstParagraphText, plainText } from '../yjs/paragraphText.ts';
import { applyPatches } from './applyPatches.ts';
import type { ConcurrentTrace } from './Trace.ts';

/** What one agent's client sends in the networked replay. */
export interface AgentScript {
  clientId: number;
  /** The updates this agent produced, in order (agent 0's first one creates the paragraph). */
  updates: Uint8Array[];
  /** Before sending `updates[i]`, the other agent's clock must have reached `needOtherClock[i]`. */
  needOtherClock: number[];
  /** This agent's clock once all its updates are sent. */
  finalClock: number;
}

export interface ConcurrentReplay {
  /** Wall time of the in-memory replay: both replicas type and merge at the parent points. */
  ms: number;
  matches: boolean;
  agents: [AgentScript, AgentScript];
}

/** Client ids of the two replicas; with agent 0 lower, Yjs orders concurrent inserts as the trace did. */
const CLIENT_IDS = [1, 2] as const;

/**
 * The floor for a two-agent concurrent trace: each agent has its own Y.Doc replica, types its
 * transactions in order into the editor's structure, and before each one merges the other agent's
 * updates up to the transaction's parents. As a by-product it records, per agent, the updates it
 * produced and the causal dependency of each: the networked replay sends exactly these.
 */
export function replayConcurrentInMemory(trace: ConcurrentTrace): ConcurrentReplay {
  const started = performance.now();
  const replicas = CLIENT_IDS.map((id) => {
    const doc = new Y.Doc();
    doc.clientID = id;
    return doc;
  });
  const scripts: [AgentScript, AgentScript] = [
    { clientId: CLIENT_IDS[0], updates: [], needOtherClock: [], finalClock: 0 },
    { clientId: CLIENT_IDS[1], updates: [], needOtherClock: [], finalClock: 0 },
  ];
  let captured: Uint8Array | undefined;
  for (const replica of replicas) replica.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'merge') captured = update;
  });
  const merged = [0, 0];
  const mergeUpTo = (agent: number, count: number) => {
    const other = scripts[1 - agent]!;
    while (merged[agent]! < count) Y.applyUpdate(replicas[agent]!, other.updates[merged[agent]!++]!, 'merge');
  };
  const record = (agent: number, needOtherClock: number) => {
    scripts[agent]!.updates.push(captured ?? Y.encodeStateAsUpdate(new Y.Doc()));
    scripts[agent]!.needOtherClock.push(needOtherClock);
    captured = undefined;
  };

  const texts: Y.XmlText[] = [appendParagraph(replicas[0]!)];
  record(0, 0);
  mergeUpTo(1, 1);
  texts.push(firstParagraphText(replicas[1]!)!);

  // position of each transaction in its agent's sequence (+1 on agent 0 for the paragraph)
  const sequenceIndex: number[] = [];
  const counts = [1, 0];
  for (const txn of trace.txns) {
    const agent = txn.agent;
    const other = 1 - agent;
    sequenceIndex.push(counts[agent]!++);
    let need = merged[agent]!;
    for (const parent of txn.parents) {
      if (trace.txns[parent]!.agent === other) need = Math.max(need, sequenceIndex[parent]! + 1);
    }
    mergeUpTo(agent, need);
    const needOtherClock = Y.getState(replicas[agent]!.store, CLIENT_IDS[other]!);
    applyPatches(texts[agent]!, txn.patches);
    record(agent, needOtherClock);
  }
  mergeUpTo(0, scripts[1].updates.length);
  mergeUpTo(1, scripts[0].updates.length);
  const ms = performance.now() - started;
  scripts.forEach((script, agent) => (script.finalClock = Y.getState(replicas[agent]!.store, script.clientId)));
  const matches = texts.every((text) => plainText(text) === trace.endContent);
  for (const replica of replicas) replica.destroy();
  return { ms, matches, agents: scripts };
}

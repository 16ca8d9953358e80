import * as Y from 'yjs';
import { now } from '../measure/now.ts';
import { applyPatches } from '../traces/applyPatches.ts';
import type { SequentialTrace } from '../traces/Trace.ts';
import { appendParagraph } from '../yjs/paragraphText.ts';
import type { BenchClient } from './BenchClient.ts';

/**
 * The writer of a sequential trace: a new paragraph, then every transaction typed into its XmlText
 * as its own update (the provider sends each). Every `chunk` transactions it yields to the event
 * loop so that the socket drains while it types.
 */
export async function replaySequentialTrace(writer: BenchClient, trace: SequentialTrace, chunk: number) {
  const startedAt = now();
  const text = appendParagraph(writer.doc);
  for (let index = 0; index < trace.txns.length; index++) {
    applyPatches(text, trace.txns[index]!);
    if (index % chunk === chunk - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const client = writer.doc.clientID;
  return { startedAt, typedAt: now(), client, finalClock: Y.getState(writer.doc.store, client) };
}

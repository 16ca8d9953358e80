import * as Y from 'yjs';
import { appendParagraph, firstParagraphText, plainText } from '../yjs/paragraphText.ts';
import { applyPatches } from './applyPatches.ts';
import type { SequentialTrace } from './Trace.ts';

export interface SequentialFloor {
  /** Wall time of typing every transaction and applying each update to the receiving doc. */
  ms: number;
  updates: number;
  updateBytes: number;
  /** `Y.encodeStateAsUpdate` of the final document, and its size. */
  finalState: Uint8Array;
  encodedBytes: number;
  matches: boolean;
}

/**
 * The floor for a sequential trace: no server, no network. A writer Y.Doc types each transaction
 * into the editor's structure (one paragraph's XmlText), and each update is applied to a second
 * Y.Doc, as a receiving client would.
 */
export function replaySequentialInMemory(trace: SequentialTrace): SequentialFloor {
  const started = performance.now();
  const writer = new Y.Doc();
  const receiver = new Y.Doc();
  let updates = 0;
  let updateBytes = 0;
  writer.on('update', (update: Uint8Array) => {
    updates += 1;
    updateBytes += update.byteLength;
    Y.applyUpdate(receiver, update);
  });
  const text = appendParagraph(writer);
  for (const patches of trace.txns) applyPatches(text, patches);
  const ms = performance.now() - started;
  const received = firstParagraphText(receiver);
  const finalState = Y.encodeStateAsUpdate(receiver);
  const result = {
    ms,
    updates,
    updateBytes,
    finalState,
    encodedBytes: finalState.byteLength,
    matches: received !== undefined && plainText(received) === trace.endContent,
  };
  writer.destroy();
  receiver.destroy();
  return result;
}

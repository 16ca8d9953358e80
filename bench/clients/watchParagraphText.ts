import { now } from '../measure/now.ts';
import { firstParagraphText, plainText } from '../yjs/paragraphText.ts';
import type { BenchClient } from './BenchClient.ts';

export interface TextWatch {
  complete: boolean;
  /** When the text became complete (applied), in `now()` time. */
  doneAt: number;
  /** When the websocket message that completed it arrived. */
  receivedAt: number;
  textLength: number;
}

/**
 * Resolves once the client's first paragraph holds `expected` (compared in full only when the
 * length matches, so watching costs little per update), or after `timeoutMs`.
 */
export function watchParagraphText(client: BenchClient, expected: string, timeoutMs: number): Promise<TextWatch> {
  return new Promise((resolve) => {
    const currentLength = () => firstParagraphText(client.doc)?.length ?? 0;
    const check = (): boolean => {
      const text = firstParagraphText(client.doc);
      if (!text || text.length !== expected.length || plainText(text) !== expected) return false;
      finish(true);
      return true;
    };
    const onUpdate = () => void check();
    const timer = setTimeout(() => finish(false), timeoutMs);
    const finish = (complete: boolean) => {
      clearTimeout(timer);
      client.doc.off('update', onUpdate);
      resolve({ complete, doneAt: now(), receivedAt: client.connection.lastMessageAt(), textLength: currentLength() });
    };
    if (!check()) client.doc.on('update', onUpdate);
  });
}

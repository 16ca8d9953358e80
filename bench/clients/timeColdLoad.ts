import { now } from '../measure/now.ts';
import { BenchClient } from './BenchClient.ts';
import { watchParagraphText } from './watchParagraphText.ts';
import type { ClientSpec } from './workerProtocol.ts';

/**
 * Opens a stored document with a fresh client and times it: until the last message that completed
 * the text arrived (the server's part) and until the client had applied it (what a user waits for).
 */
export async function timeColdLoad(spec: ClientSpec, expected: string, timeoutMs: number) {
  const startedAt = now();
  const client = new BenchClient(spec);
  try {
    const watch = await watchParagraphText(client, expected, timeoutMs);
    return {
      complete: watch.complete,
      receivedMs: watch.receivedAt - startedAt,
      appliedMs: watch.doneAt - startedAt,
      textLength: watch.textLength,
    };
  } finally {
    client.destroy();
  }
}

/**
 * A client worker process: holds simulated clients and answers the coordinator's calls over IPC
 * (`workerProtocol.ts`), so that clients never share a process with the server under test.
 */
import { ClientSession } from './ClientSession.ts';
import type { FromWorker, ToWorker } from './workerProtocol.ts';

// every y-websocket provider adds a process 'exit' listener
process.setMaxListeners(0);
const session = new ClientSession();
const reply = (message: FromWorker) => process.send?.(message);

process.on('message', (message: ToWorker) => {
  if ('exit' in message) process.exit(0);
  const { id, request } = message;
  session.handle(request).then(
    (result) => reply({ id, ok: true, reply: result }),
    (error: unknown) => reply({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
reply({ ready: true });

import fs from 'node:fs';
import path from 'node:path';
import type { WorkerPool } from '../clients/WorkerPool.ts';
import { startServerUnderTest } from '../servers/startServerUnderTest.ts';
import type { ServerKind, ServerSettings, ServerUnderTest } from '../servers/ServerUnderTest.ts';

/** A fresh data directory under `workDir`, removed after `fn` (even when it fails). */
export async function withDataDir<T>(workDir: string, fn: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(workDir, 'data-'));
  try {
    return await fn(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts the server, runs `fn`, then closes every client of `pool` and stops the server, whatever happens. */
export async function withServer<T>(
  kind: ServerKind,
  settings: ServerSettings,
  pool: WorkerPool,
  fn: (server: ServerUnderTest) => Promise<T>,
): Promise<T> {
  const server = await startServerUnderTest(kind, settings);
  try {
    return await fn(server);
  } finally {
    await pool.callAll({ kind: 'disconnect' }).catch(() => undefined);
    await server.stop();
  }
}

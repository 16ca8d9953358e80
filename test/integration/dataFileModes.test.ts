import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/rawRequest.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
const EXPECTED = ['access.sqlite', 'access.sqlite-shm', 'access.sqlite-wal', 'normspace.sqlite', 'normspace.sqlite-shm', 'normspace.sqlite-wal', 'secret.key'];
let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Every file in the data directory with its permission bits. */
function modes(dataDir: string): Record<string, number> {
  return Object.fromEntries(fs.readdirSync(dataDir).map((name) => [name, fs.statSync(path.join(dataDir, name)).mode & 0o777]));
}

async function writeSomething(running: TestServer): Promise<void> {
  const body = JSON.stringify({ title: 'Stored', kind: 'contribution' });
  const response = await rawRequest(running.url, 'POST', `/api/workspaces/${WS}/documents`, { token: running.token, body });
  expect(response.status).toBe(201);
}

describe('files in DATA_DIR', () => {
  it('are created readable and writable by their owner only, the SQLite journals included', async () => {
    server = await startTestServer();
    await writeSomething(server);
    const found = modes(server.dataDir);
    expect(Object.keys(found).sort()).toEqual(EXPECTED);
    for (const [name, mode] of Object.entries(found)) expect(mode.toString(8), name).toBe('600');
  });

  it('are tightened at start when an older version or a copy left them wider', async () => {
    server = await startTestServer();
    await writeSomething(server);
    const { dataDir } = server;
    await server.server.close();
    for (const name of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, name), 0o644);
    // A journal left by a crash, readable by everyone.
    fs.writeFileSync(path.join(dataDir, 'access.sqlite-wal'), '');
    fs.chmodSync(path.join(dataDir, 'access.sqlite-wal'), 0o666);
    await server.restart();
    await writeSomething(server);
    for (const [name, mode] of Object.entries(modes(dataDir))) expect(mode.toString(8), name).toBe('600');
  });
});

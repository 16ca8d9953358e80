import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomKey } from '../../shared/syncPath.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ unloadGraceMs: 100, compactAfterUpdates: 50 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

async function health(): Promise<{ loadedDocuments: number; connections: number }> {
  return (await (await apiRequest(server, `/api/health`)).json()) as { loadedDocuments: number; connections: number };
}

describe('document lifecycle', () => {
  it('unloads an idle document after its last client leaves, compacts it, and reloads it intact', async () => {
    const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Idle', kind: 'meeting-notes' }),
    });
    const { document } = (await response.json()) as { document: { id: string } };
    const address = { workspaceId: WS, documentId: document.id };
    const a = connectClient(server, address);
    clients.push(a);
    await a.synced;
    for (let i = 0; i < 120; i++) a.text.insert(a.text.length, `${i % 10}`);
    const expected = a.text.toString();
    const b = connectClient(server, address);
    clients.push(b);
    await waitFor(() => b.text.toString() === expected, 'second client has the text');
    expect((await health()).loadedDocuments).toBeGreaterThanOrEqual(1);

    a.destroy();
    b.destroy();
    clients.length = 0;
    await waitFor(() => server.server.rooms.loadedCount === 0, 'every document unloaded', 5000);

    // compacted on unload: one snapshot row, no update log left to replay
    await server.server.close();
    const store = SqliteStore.open(server.dataDir);
    const stored = await store.load(roomKey(address));
    expect(stored.updates).toHaveLength(1);
    await store.close();
    await server.restart();

    const c = connectClient(server, address);
    clients.push(c);
    await c.synced;
    expect(c.text.toString()).toBe(expected);
  });

  it('SIGTERM-style close stores and closes cleanly, and the data reloads', async () => {
    const workspace = (await (await apiRequest(server, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] };
    const address = { workspaceId: WS, documentId: workspace.documents[0]!.id };
    const a = connectClient(server, address);
    clients.push(a);
    await a.synced;
    a.text.insert(0, 'written just before shutdown');
    await waitFor(() => server.server.rooms.loadedCount > 0, 'loaded');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.restart();
    const b = connectClient(server, address);
    clients.push(b);
    await b.synced;
    await waitFor(() => b.text.toString().includes('written just before shutdown'), 'text after restart');
  });
});

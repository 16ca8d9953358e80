import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ unloadGraceMs: 50 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('opening a stored document', () => {
  it('serves clients from the stored snapshot, keeps offline edits, and loses nothing', async () => {
    const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Cold', kind: 'meeting-notes' }),
    });
    const { document } = (await response.json()) as { document: { id: string } };
    const address = { workspaceId: WS, documentId: document.id };
    const author = connectClient(server, address);
    await author.synced;
    author.text.insert(0, 'stored before the restart');
    // another client receiving it proves it is stored (durable before broadcast)
    const witness = connectClient(server, address);
    await waitFor(() => witness.text.toString() === 'stored before the restart', 'the edit is stored');
    witness.destroy();
    // someone kept an offline copy and edits it while the server restarts
    const offline = new Y.Doc();
    await waitFor(() => {
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(author.doc));
      return offline.getText('text').toString() === 'stored before the restart';
    }, 'offline copy');
    author.destroy();
    await server.restart(); // compacts on the way out: the document is one snapshot row

    offline.getText('text').insert(0, '[offline] ');
    const returning = connectClient(server, address, offline); // first: answered from the stored bytes
    clients.push(returning);
    await returning.synced;
    const newcomer = connectClient(server, address);
    clients.push(newcomer);
    await newcomer.synced;
    const expected = '[offline] stored before the restart';
    await waitFor(() => newcomer.text.toString() === expected, 'the newcomer has the offline edit');
    expect(returning.text.toString()).toBe(expected);

    // and the server stored it: a reader after another restart gets the same text
    await server.restart();
    const reader = connectClient(server, address);
    clients.push(reader);
    await waitFor(() => reader.text.toString() === expected, 'a reader after the restart');
    const workspace = (await (await apiRequest(server, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] };
    expect(workspace.documents.map((d) => d.id)).toContain(document.id);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ ackIntervalMs: 20 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('acknowledgements', () => {
  it('the stock client\'s answers to them (its whole delete set, each time) are not stored again', async () => {
    const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Acks', kind: 'meeting-notes' }),
    });
    const { document } = (await response.json()) as { document: { id: string } };
    const address = { workspaceId: WS, documentId: document.id };
    const writer = connectClient(server, address);
    clients.push(writer);
    await writer.synced;
    let sent = 0;
    writer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== writer.provider) sent += 1;
    });
    let acks = 0;
    writer.provider.ws?.addEventListener('message', (event: MessageEvent) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      if (bytes[0] === 0 && bytes[1] === 0) acks += 1; // sync step 1 from the server
    });
    // bursts of typing, each followed by a pause in which the server acknowledges it and the
    // client answers (an answer racing with edits still in flight may legitimately carry them)
    for (let burst = 0; burst < 8; burst++) {
      for (let i = 0; i < 3; i++) writer.text.insert(writer.text.length, 'ab');
      writer.text.delete(0, 1);
      const before = acks;
      await waitFor(() => acks > before, 'an acknowledgement');
      await new Promise((resolve) => setTimeout(resolve, 50)); // its answer reaches the server
    }

    const stats = await server.server.rooms.using(address, (room) => room.stats);
    expect(stats.updatesSinceSnapshot).toBe(sent); // every edit, and nothing more

    const reader = connectClient(server, address);
    clients.push(reader);
    await waitFor(() => reader.text.toString() === writer.text.toString(), 'a reader has the same text');
  });
});

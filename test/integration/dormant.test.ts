import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.stop();
  server = undefined;
});

describe('dormant documents (Y.Doc freed while clients stay connected)', () => {
  it('frees an idle document, keeps its clients and presence, and wakes it for the next edit and for a new client', async () => {
    server = await startTestServer({ dormantAfterMs: 100, ackIntervalMs: 20 });
    const meta = await server.server.workspaces.createDocument(WS, { title: 'Dormant', kind: 'meeting-notes' });
    const address = { workspaceId: WS, documentId: meta!.id };
    const a = connectClient(server, address);
    const b = connectClient(server, address);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    a.text.insert(0, 'first words');
    await waitFor(() => b.text.toString() === 'first words', 'b has the first words');

    const rooms = server.server.rooms;
    await waitFor(() => rooms.dormantCount >= 1, 'the document went dormant', 5000);
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: server.owner.name } }); // the member's name, whatever the page set

    b.text.insert(b.text.length, ', then more');
    await waitFor(() => a.text.toString() === 'first words, then more', 'a has the edit made while dormant');
    await waitFor(() => rooms.dormantCount >= 1, 'dormant again', 5000);

    const c = connectClient(server, address);
    clients.push(c);
    await c.synced;
    expect(c.text.toString()).toBe('first words, then more');
    await waitFor(() => c.provider.awareness.getStates().has(a.doc.clientID), 'c sees a\'s presence');
  });
});

import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
const MESSAGES = 400;
const TIME_BUDGET_MS = 15_000;
let server: TestServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ maxConnectionsPerMember: 1000, connectionsPerMinutePerMember: 100_000, maxMessagesPerSecond: 10_000 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

function seeded(seed: number) {
  return () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
}

/** Valid messages a real client would send: sync step 1, updates, awareness. */
function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  text.insert(0, 'Fuzzing the sync endpoint.');
  text.delete(3, 4);
  doc.getMap('annotations').set('a1', { tags: ['paris-1'] });
  const frames = updates.map((update) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  });
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, 0);
  encoding.writeVarUint(step1, 0);
  encoding.writeVarUint8Array(step1, Y.encodeStateVector(doc));
  frames.push(encoding.toUint8Array(step1));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Fuzzer', color: '#123456' } });
  const aw = encoding.createEncoder();
  encoding.writeVarUint(aw, 1);
  encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  frames.push(encoding.toUint8Array(aw));
  return frames;
}

function mutate(message: Uint8Array, random: () => number): Uint8Array {
  const bytes = Uint8Array.from(message);
  const kind = random();
  if (kind < 0.4) {
    const flips = 1 + Math.floor(random() * 4);
    for (let i = 0; i < flips; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
    return bytes;
  }
  if (kind < 0.6) return bytes.subarray(0, Math.floor(random() * bytes.length)); // truncated
  if (kind < 0.8) {
    const extra = Uint8Array.from({ length: 1 + Math.floor(random() * 16) }, () => Math.floor(random() * 256));
    return Uint8Array.from([...bytes, ...extra]); // trailing garbage
  }
  const at = Math.floor(random() * bytes.length);
  return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1 + Math.floor(random() * 3))]); // bytes dropped
}

describe('fuzzing the sync endpoint (bounded)', () => {
  it('stays up, keeps other clients syncing, and every stored document still loads', async () => {
    const workspace = (await (await apiRequest(server, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] };
    const documentId = workspace.documents[0]!.id;
    const witness = connectClient(server, { workspaceId: WS, documentId });
    clients.push(witness);
    await witness.synced;

    const random = seeded(20261124);
    const valid = validMessages();
    const started = Date.now();
    let sent = 0;
    while (sent < MESSAGES && Date.now() - started < TIME_BUDGET_MS) {
      const ws = new WebSocket(`${server.wsUrl}/${WS}/${documentId}?token=${server.token}`);
      await new Promise<void>((resolve) => {
        ws.on('open', () => {
          for (let i = 0; i < 20 && sent < MESSAGES; i++, sent++) {
            ws.send(mutate(valid[Math.floor(random() * valid.length)]!, random));
          }
          setTimeout(() => ws.close(), 20);
        });
        ws.on('close', () => resolve());
        ws.on('error', () => resolve());
      });
    }
    expect(sent).toBeGreaterThan(50);

    witness.text.insert(0, 'still syncing');
    const second = connectClient(server, { workspaceId: WS, documentId });
    clients.push(second);
    await waitFor(() => second.text.toString().includes('still syncing'), 'a normal client still syncs');
    expect((await apiRequest(server, `/api/health`)).status).toBe(200);

    for (const c of clients.splice(0)) c.destroy();
    await server.server.close();
    const store = SqliteStore.open(server.dataDir);
    for (const key of await store.listKeys('')) {
      const doc = new Y.Doc();
      for (const update of (await store.load(key)).updates) expect(() => Y.applyUpdate(doc, update), key).not.toThrow();
    }
    await store.close();
    await server.restart();
  });
});

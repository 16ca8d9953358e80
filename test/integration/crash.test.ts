import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer.ts';

const WS = 'bpf-cybersecurity';
const servers: SpawnedServer[] = [];
const clients: TestClient[] = [];
let dataDir = '';

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) s.child.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The part of a client's state vector that it received from the server (everything but its own edits). */
function receivedVector(client: TestClient): Map<number, number> {
  const vector = Y.decodeStateVector(Y.encodeStateVector(client.doc));
  vector.delete(client.doc.clientID);
  return vector;
}

async function createDocument(server: SpawnedServer, title: string) {
  const created = await apiRequest(server, `/api/workspaces/${WS}/documents`, {
    method: 'POST',
    body: JSON.stringify({ title, kind: 'meeting-notes' }),
  });
  const { document } = (await created.json()) as { document: { id: string } };
  return { workspaceId: WS, documentId: document.id };
}

/**
 * Starts a server on `dataDir`, reads the document, and checks it holds everything in `vectors`
 * (what each client had received); returns how many updates that checked.
 */
async function storedOfWhatWasReceived(
  address: { workspaceId: string; documentId: string },
  vectors: Map<number, number>[],
  token: string,
): Promise<number> {
  const second = await spawnServer({ DATA_DIR: dataDir }, token);
  servers.push(second);
  const reader = connectClient(second, address);
  clients.push(reader);
  await reader.synced;
  const stored = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
  let checked = 0;
  for (const vector of vectors) {
    for (const [clientId, clock] of vector) {
      expect(stored.get(clientId) ?? 0, `client ${clientId}`).toBeGreaterThanOrEqual(clock);
      checked += clock;
    }
  }
  return checked;
}

describe('crash safety', { timeout: 90_000 }, () => {
  it('after SIGKILL during a burst from several clients, every update any client had received is stored', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-crash-'));
    const first = await spawnServer({ DATA_DIR: dataDir });
    servers.push(first);
    const address = await createDocument(first, 'Burst');

    const writers = [0, 1, 2, 3].map(() => connectClient(first, address));
    clients.push(...writers);
    await Promise.all(writers.map((w) => w.synced));

    let received = 0;
    for (const w of writers) w.doc.on('update', (_u: Uint8Array, origin: unknown) => origin === w.provider && received++);
    const timers = writers.map((w, i) =>
      setInterval(() => w.text.insert(Math.min(w.text.length, i * 3), String.fromCharCode(97 + i)), 1),
    );
    await waitFor(() => received > 200, 'a busy burst', 15_000);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    for (const timer of timers) clearInterval(timer);
    // freeze what each client had received; no client may re-send anything to the next server
    const vectors = writers.map(receivedVector);
    for (const w of writers) w.destroy();
    clients.length = 0;
    expect(await storedOfWhatWasReceived(address, vectors, first.token)).toBeGreaterThan(200);
  });

  it('after SIGKILL while a document goes dormant (Y.Doc freed) and wakes between bursts, every update any client had received is stored', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-dormant-crash-'));
    const first = await spawnServer({ DATA_DIR: dataDir, DORMANT_AFTER_MS: '50', ACK_INTERVAL_MS: '10' });
    servers.push(first);
    const address = await createDocument(first, 'Bursts');
    const writers = [0, 1, 2].map(() => connectClient(first, address));
    clients.push(...writers);
    await Promise.all(writers.map((w) => w.synced));
    const burst = (letter: number) =>
      writers.forEach((w, i) => {
        for (let k = 0; k < 10; k++) w.text.insert(Math.min(w.text.length, i * 2), String.fromCharCode(letter + i));
      });
    // pauses longer than DORMANT_AFTER_MS: the document sleeps and wakes again
    for (let round = 0; round < 6; round++) {
      burst(97);
      await new Promise((resolve) => setTimeout(resolve, round % 2 === 0 ? 250 : 5));
    }
    await waitFor(() => writers.every((w) => w.text.length === 180), 'every client has every burst', 15_000);
    let received = 0;
    for (const w of writers) w.doc.on('update', (_u: Uint8Array, origin: unknown) => origin === w.provider && received++);
    burst(100); // a last one, killed while in flight
    await waitFor(() => received > 0, 'something of the last burst arrived');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const vectors = writers.map(receivedVector);
    for (const w of writers) w.destroy();
    clients.length = 0;
    expect(await storedOfWhatWasReceived(address, vectors, first.token)).toBeGreaterThanOrEqual(360); // two other writers × 60, per client
  });

  it('on SIGTERM stores everything, exits 0, and a store that cannot be read stops the start with a clear error', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-term-'));
    const first = await spawnServer({ DATA_DIR: dataDir });
    servers.push(first);
    const workspace = (await (await apiRequest(first, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] };
    const address = { workspaceId: WS, documentId: workspace.documents[0]!.id };
    const writer = connectClient(first, address);
    clients.push(writer);
    await writer.synced;
    writer.text.insert(0, 'last words before SIGTERM');
    const reader = connectClient(first, address);
    clients.push(reader);
    await waitFor(() => reader.text.length > 0, 'reader received the text');
    const exit = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    first.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    for (const c of clients.splice(0)) c.destroy();

    const second = await spawnServer({ DATA_DIR: dataDir }, first.token);
    servers.push(second);
    const after = connectClient(second, address);
    clients.push(after);
    await after.synced;
    expect(after.text.toString()).toBe('last words before SIGTERM');
    second.child.kill('SIGKILL');

    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-broken-'));
    fs.writeFileSync(path.join(broken, 'normspace.sqlite'), 'not a database');
    await expect(spawnServer({ DATA_DIR: broken })).rejects.toThrow(/Cannot open the store[\s\S]*left untouched/);
    expect(fs.readFileSync(path.join(broken, 'normspace.sqlite'), 'utf8')).toBe('not a database');
    fs.rmSync(broken, { recursive: true, force: true });
  });
});

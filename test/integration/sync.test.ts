import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { readDocuments } from '../../shared/workspaceIndex.ts';
import { createThread, readThreads } from '../../shared/comments/threadsDoc.ts';
import { INDEX_DOCUMENT_ID } from '../../shared/syncPath.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

let server: TestServer;
const clients: TestClient[] = [];
const WS = 'bpf-cybersecurity';

async function newDocument(title = 'Chapter'): Promise<DocumentMeta> {
  const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, kind: 'outcome-document' }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { document: DocumentMeta }).document;
}

function client(documentId: string): TestClient {
  const c = connectClient(server, { workspaceId: WS, documentId });
  clients.push(c);
  return c;
}

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('sync with stock y-websocket clients', () => {
  it('three clients editing concurrently converge to the same text', async () => {
    const { id } = await newDocument();
    const [a, b, c] = [client(id), client(id), client(id)];
    await Promise.all([a.synced, b.synced, c.synced]);
    for (let i = 0; i < 30; i++) {
      a.text.insert(0, 'a');
      b.text.insert(b.text.length, 'b');
      c.text.insert(Math.floor(c.text.length / 2), 'c');
    }
    await waitFor(() => a.text.length === 90 && b.text.length === 90 && c.text.length === 90, 'all edits everywhere');
    expect(b.text.toString()).toBe(a.text.toString());
    expect(c.text.toString()).toBe(a.text.toString());
  });

  it('keeps the text across a server restart', async () => {
    const { id } = await newDocument();
    const a = client(id);
    await a.synced;
    a.text.insert(0, 'Supply-chain integrity is a horizontal norm.');
    await waitFor(() => server.server.rooms.loadedCount > 0, 'room loaded');
    const before = a.text.toString();
    // a second client proves the server has it before we restart
    const b = client(id);
    await waitFor(() => b.text.toString() === before, 'second client received the text');
    a.destroy();
    b.destroy();
    await server.restart();
    const c = client(id);
    await c.synced;
    expect(c.text.toString()).toBe(before);
  });

  it('serves the seeded demo document, so a new workspace is never empty', async () => {
    const workspace = (await (await apiRequest(server, `/api/workspaces/${WS}`)).json()) as { documents: DocumentMeta[] };
    expect(workspace.documents).toHaveLength(1);
    const demo = client(workspace.documents[0]!.id);
    await demo.synced;
    expect(demo.doc.getXmlFragment('default').toString()).toContain('<heading level="1">');
  });

  it('delivers the document list live through the read-only index document', async () => {
    const index = client(INDEX_DOCUMENT_ID);
    await index.synced;
    const created = await newDocument('Background paper on incidents');
    await waitFor(() => readDocuments(index.doc).some((d) => d.id === created.id), 'new document in the index');

    // A client writing to the index is ignored: the server's copy does not change.
    index.doc.getMap('documents').delete(created.id);
    const other = client(INDEX_DOCUMENT_ID);
    await other.synced;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readDocuments(other.doc).some((d) => d.id === created.id)).toBe(true);
  });

  it('refuses an unknown document (4404) and another workspace (4403, whether or not it exists) and creates neither', async () => {
    const closes: number[] = [];
    for (const address of [
      { workspaceId: WS, documentId: 'does-not-exist' },
      { workspaceId: 'no-such-workspace', documentId: 'abc' },
    ]) {
      const c = connectClient(server, address);
      clients.push(c);
      c.provider.on('connection-close', (event) => {
        if (event) closes.push(event.code);
      });
    }
    await waitFor(() => closes.length >= 2, 'both refused');
    expect(closes.sort()).toEqual([4403, 4404]);
    const list = (await (await apiRequest(server, `/api/workspaces`)).json()) as { workspaces: unknown[] };
    expect(list.workspaces).toHaveLength(1);
  });

  it('serves archived documents read-only: their edits are not stored', async () => {
    const { id } = await newDocument();
    const writer = client(id);
    await writer.synced;
    writer.text.insert(0, 'kept');
    const reader = client(id);
    await waitFor(() => reader.text.toString() === 'kept', 'text arrived');
    writer.destroy();
    reader.destroy();
    const patch = await apiRequest(server, `/api/workspaces/${WS}/documents/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ archived: true }),
    });
    expect(patch.status).toBe(200);
    const late = client(id);
    await late.synced;
    late.text.insert(0, 'not kept ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = client(id);
    await fresh.synced;
    expect(fresh.text.toString()).toBe('kept');
    // awareness still flows for read-only connections (named after the member, whatever the client says)
    late.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    await waitFor(
      () => [...fresh.provider.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === server.owner.name),
      'awareness from a read-only connection',
    );
  });

  it('makes open connections reconnect under the new rule when a document is archived', async () => {
    const { id } = await newDocument();
    const writer = client(id);
    await writer.synced;
    writer.text.insert(0, 'before archiving');
    const closes: number[] = [];
    writer.provider.on('connection-close', (event) => event && closes.push(event.code));
    const patch = await apiRequest(server, `/api/workspaces/${WS}/documents/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ archived: true }),
    });
    expect(patch.status).toBe(200);
    await waitFor(() => closes.includes(4509), 'the open connection is told to reconnect');
    await waitFor(() => writer.provider.synced, 'reconnected');
    writer.text.insert(0, 'after archiving ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = client(id);
    await fresh.synced;
    expect(fresh.text.toString()).toBe('before archiving');
  });

  it('syncs a document\'s comment threads in a companion room', async () => {
    const { id } = await newDocument();
    const threads = { workspaceId: WS, documentId: id, channel: 'threads' as const };
    const a = connectClient(server, threads);
    const b = connectClient(server, threads);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const anchor = { start: null, end: null, quote: 'q', prefix: '', suffix: '' };
    createThread(a.doc, { id: 't1', anchor, by: server.owner, body: 'Why?' });
    await waitFor(() => readThreads(b.doc).length === 1, 'thread at the other member');
    const missing = connectClient(server, { workspaceId: WS, documentId: 'nope', channel: 'threads' });
    clients.push(missing);
    const code = await new Promise<number>((resolve) => missing.provider.on('connection-close', (event) => event && resolve(event.code)));
    expect(code).toBe(4404);
  });

  it('tells a writer what is stored: the server state vector comes to cover its edits', async () => {
    const { id } = await newDocument();
    const a = client(id);
    await a.synced;
    let serverVector = new Map<number, number>();
    const original = a.provider.messageHandlers[0]!;
    a.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, type) => {
      const peek = decoding.clone(decoder);
      if (decoding.readVarUint(peek) === 0) serverVector = Y.decodeStateVector(decoding.readVarUint8Array(peek));
      original(encoder, decoder, provider, emitSynced, type);
    };
    a.text.insert(0, 'twelve chars');
    const local = Y.getState(a.doc.store, a.doc.clientID);
    expect(local).toBe(12);
    await waitFor(() => serverVector.get(a.doc.clientID) === local, 'acknowledgement of all 12 characters');
  });
});

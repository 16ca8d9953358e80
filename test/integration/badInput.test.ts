import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { syncUpdateFrame } from '../helpers/syncFrames.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
let documentId: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ maxPayloadBytes: 64 * 1024 });
  const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Target', kind: 'contribution' }),
  });
  documentId = ((await response.json()) as { document: { id: string } }).document.id;
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

/** Opens a raw socket, sends `frames`, resolves with the close code. */
function sendRaw(frames: (Buffer | string)[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/${WS}/${documentId}?token=${server.token}`);
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame);
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {}); // the close event carries the verdict
    setTimeout(() => reject(new Error('socket was not closed')), 5000);
  });
}

describe('bad input on the sync endpoint', () => {
  it('closes only the offending connection; the document and other clients carry on', async () => {
    const good = connectClient(server, { workspaceId: WS, documentId });
    clients.push(good);
    await good.synced;
    good.text.insert(0, 'Before the attack. ');

    const validUpdate = (() => {
      const doc = new Y.Doc();
      doc.getText('text').insert(0, 'x');
      return Y.encodeStateAsUpdate(doc);
    })();

    const cases: [string, (Buffer | string)[], number][] = [
      ['garbage bytes', [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])], 4400],
      ['unknown message type', [Buffer.from([42, 0])], 4400],
      ['unknown sync type', [Buffer.from([0, 9, 0])], 4400],
      ['truncated update', [syncUpdateFrame(validUpdate).subarray(0, 6)], 4400],
      ['update whose bytes are noise', [syncUpdateFrame(new Uint8Array([7, 200, 3, 1, 9, 9, 9]))], 4400],
      ['malformed awareness', [Buffer.from([1, 3, 1, 2, 3])], 4400],
      ['text frame', ['{"type":"hello"}'], 4400],
      ['oversized message', [Buffer.alloc(128 * 1024, 1)], 1009],
    ];
    for (const [name, frames, expected] of cases) {
      expect(await sendRaw(frames), name).toBe(expected);
    }

    good.text.insert(good.text.length, 'After the attack.');
    const witness = connectClient(server, { workspaceId: WS, documentId });
    clients.push(witness);
    await waitFor(() => witness.text.toString() === 'Before the attack. After the attack.', 'clean text at a new client');
    expect((await apiRequest(server, `/api/health`)).status).toBe(200);

    good.destroy();
    witness.destroy();
    clients.length = 0;
    await server.restart();
    const reloaded = connectClient(server, { workspaceId: WS, documentId });
    clients.push(reloaded);
    await reloaded.synced;
    expect(reloaded.text.toString()).toBe('Before the attack. After the attack.');
  });

  it('closes a connection that floods messages with 4429', async () => {
    const small = await startTestServer({ maxMessagesPerSecond: 10 });
    try {
      const workspace = (await (await apiRequest(small, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] };
      const ws = new WebSocket(`${small.wsUrl}/${WS}/${workspace.documents[0]!.id}?token=${small.token}`);
      const code = await new Promise<number>((resolve) => {
        ws.on('open', () => {
          for (let i = 0; i < 200; i++) ws.send(Buffer.from([3])); // query awareness, harmless alone
        });
        ws.on('close', (c) => resolve(c));
        ws.on('error', () => {});
      });
      expect(code).toBe(4429);
    } finally {
      await small.stop();
    }
  });

  it('refuses a connection flood from one member with 4429 and keeps serving others', async () => {
    const limited = await startTestServer({ maxConnectionsPerMember: 5, connectionsPerMinutePerMember: 1000 });
    try {
      const workspace = (await (await apiRequest(limited, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] };
      const url = `${limited.wsUrl}/${WS}/${workspace.documents[0]!.id}?token=${limited.token}`;
      const sockets = Array.from({ length: 12 }, () => new WebSocket(url));
      const codes: number[] = [];
      for (const ws of sockets) {
        ws.on('close', (code) => codes.push(code));
        ws.on('error', () => {});
      }
      await waitFor(() => codes.length >= 7, 'refusals');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(codes.filter((code) => code === 4429)).toHaveLength(7);
      expect(sockets.filter((ws) => ws.readyState === WebSocket.OPEN)).toHaveLength(5);
      for (const ws of sockets) ws.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await apiRequest(limited, `/api/health`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('sends security headers with a strict content security policy', async () => {
    const response = await apiRequest(server, `/api/health`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers bad API input with a JSON error naming the problem', async () => {
    const post = (path: string, body: string) =>
      apiRequest(server, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const badKind = await post(`/api/workspaces/${WS}/documents`, JSON.stringify({ title: 'x', kind: 'novel' }));
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { details: string[] }).details.join()).toMatch(/kind/);
    const badJson = await post(`/api/workspaces/${WS}/documents`, '{"title":');
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: string }).error).toMatch(/JSON/);
    const badId = await apiRequest(server, `/api/workspaces/NOT_VALID`);
    expect(badId.status).toBe(400);
    const missing = await apiRequest(server, `/api/workspaces/${WS}/documents/nope`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Renamed' }),
    });
    expect(missing.status).toBe(404);
    const empty = await apiRequest(server, `/api/workspaces/${WS}/documents/${documentId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
  });
});

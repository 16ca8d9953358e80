import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnnotation } from '../../shared/annotations/annotationDoc.ts';
import { createThread, readThreads, reply, setResolved } from '../../shared/comments/threadsDoc.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import type { RoomAddress } from '../../shared/syncPath.ts';
import { roomName } from '../../shared/syncPath.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { awarenessFrame, closeCodeWithin, openAccepted, outcomeOf, queryAwarenessFrame, syncStep1Frame, updateOfFrame } from '../helpers/rawSocket.ts';
import { spawnServer } from '../helpers/spawnServer.ts';
import { startTestServer, type TestMember, type TestServer } from '../helpers/startTestServer.ts';
import { syncUpdateFrame } from '../helpers/syncFrames.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ maxNewClientsPerUpdate: 16 });
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.stop();
});

async function newDocument(title = 'Draft'): Promise<string> {
  const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, { method: 'POST', body: JSON.stringify({ title, kind: 'outcome-document' }) });
  return ((await response.json()) as { document: { id: string } }).document.id;
}

const urlOf = (token: string, address: RoomAddress) => `${server.wsUrl}/${roomName(address)}?token=${token}`;

function stock(token: string, address: RoomAddress): TestClient {
  const client = connectClient({ wsUrl: server.wsUrl, token }, address);
  clients.push(client);
  return client;
}

async function healthy(): Promise<void> {
  expect((await apiRequest(server, '/api/health')).status).toBe(200);
}

/** What the server holds of a room, read from its document in memory (which never runs ahead of the disk). */
function serverState(address: RoomAddress): Promise<Uint8Array> {
  return server.server.rooms.using(address, async (room) => {
    await room.settled();
    return Y.encodeStateAsUpdate(room.doc);
  });
}

/** Sends `update` on a raw socket as `token`; answers the close code, or 'open' when it was accepted. */
async function sendAs(token: string, address: RoomAddress, update: Uint8Array): Promise<number | 'open'> {
  const socket = await openAccepted(urlOf(token, address));
  socket.send(syncUpdateFrame(update));
  const code = await closeCodeWithin(socket, 800);
  socket.ws.close();
  return code;
}

/** A copy of what the server holds, changed by `change`, as the update a client would send. */
async function craft(address: RoomAddress, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await serverState(address));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('no request or frame can take the server down', () => {
  it('answers malformed sync paths with a close code and stays up', async () => {
    const cases: [string, number][] = [
      [`/sync/%/x`, 4400],
      [`/sync/%E0%A4%A/x`, 4400],
      [`/sync/${WS}/%`, 4400],
      [`/sync/${WS}/%ZZ/threads`, 4400],
      [`/sync/%00/x`, 4404],
      [`/sync/${'a'.repeat(5000)}/x`, 4404],
      [`/sync/${WS}/x/threads/more`, 4404],
    ];
    for (const [path, code] of cases) {
      expect(await outcomeOf(`${server.url.replace(/^http/, 'ws')}${path}?token=${server.token}`), path).toBe(code);
    }
    // not the sync endpoint at all: refused without upgrading (and the socket is not left open)
    expect(await outcomeOf(`${server.url.replace(/^http/, 'ws')}/%73ync/${WS}/x`)).toBe(1006);
    await healthy();
  });

  it('closes a connection that sends garbage, one connection only, and keeps syncing the others', async () => {
    const documentId = await newDocument();
    const address = { workspaceId: WS, documentId };
    const a = stock(server.token, address);
    const b = stock(server.token, address);
    await Promise.all([a.synced, b.synced]);
    const frames: [string, Buffer | string][] = [
      ['endless varint', Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
      ['unknown message type', Buffer.from([9])],
      ['sync without a body', Buffer.from([0])],
      ['update that is not one', Buffer.from([0, 2, 3, 1, 2, 3])],
      ['state vector that is not one', Buffer.from([0, 0, 2, 0xff, 0xff])],
      ['presence that is not JSON', Buffer.concat([Buffer.from([1, 8, 1, 5, 1, 4]), Buffer.from('{{{{')])],
      ['text frame', 'hello'],
    ];
    for (const [what, frame] of frames) {
      const socket = await openAccepted(urlOf(server.token, address));
      socket.ws.send(frame);
      expect(await closeCodeWithin(socket), what).toBe(4400);
    }
    a.text.insert(0, 'still syncing');
    await waitFor(() => b.text.toString() === 'still syncing', 'the others keep syncing');
    await healthy();
  });
});

describe('updates are applied only when they leave nothing pending', () => {
  it('refuses a valid update whose delete set names a client the document never saw, and one after a gap', async () => {
    const documentId = await newDocument();
    const address = { workspaceId: WS, documentId };
    const editor = await server.memberWith('editor');
    // 20,000 deletions of a client the server never saw: valid Yjs, but it would stay pending forever
    const unknown = new Y.Doc();
    unknown.getText('text').insert(0, 'x'.repeat(40_000));
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(unknown));
    const before = Y.encodeStateVector(deleter);
    deleter.transact(() => {
      for (let index = 0; index < 20_000; index++) deleter.getText('text').delete(index, 1);
    });
    expect(await sendAs(editor.token, address, Y.encodeStateAsUpdate(deleter, before))).toBe(4422);
    // structs that follow ones the server does not have
    const typist = new Y.Doc();
    const updates: Uint8Array[] = [];
    typist.on('update', (update: Uint8Array) => updates.push(update));
    typist.getText('text').insert(0, 'first');
    typist.getText('text').insert(5, ' second');
    expect(await sendAs(editor.token, address, updates[1]!)).toBe(4422);
    await server.server.rooms.using(address, (room) => {
      expect(room.doc.store.pendingDs).toBeNull();
      expect(room.doc.store.pendingStructs).toBeNull();
    });
    // and nothing slows the next keystrokes: they arrive as usual
    const a = stock(editor.token, address);
    const b = stock(server.token, address);
    await Promise.all([a.synced, b.synced]);
    a.text.insert(0, 'typing on');
    await waitFor(() => b.text.toString() === 'typing on', 'a keystroke reaches the other member');
  });

  it('refuses an update that brings more new clients than MAX_NEW_CLIENTS_PER_UPDATE', async () => {
    const address = { workspaceId: WS, documentId: await newDocument() };
    const editor = await server.memberWith('editor');
    const many = Array.from({ length: 100 }, (_, index) => {
      const doc = new Y.Doc();
      doc.getText('text').insert(0, String(index));
      return Y.encodeStateAsUpdate(doc);
    });
    expect(await sendAs(editor.token, address, Y.mergeUpdates(many))).toBe(4422);
    expect(await sendAs(editor.token, address, Y.mergeUpdates(many.slice(0, 16)))).toBe('open');
  });

  it('refuses text nested 5,000 levels deep; the document still opens', async () => {
    const address = { workspaceId: WS, documentId: await newDocument() };
    const editor = await server.memberWith('editor');
    const deep = new Y.Doc();
    let parent: Y.XmlFragment | Y.XmlElement = deep.getXmlFragment(TEXT_FIELD);
    for (let level = 0; level < 5000; level++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    expect(await sendAs(editor.token, address, Y.encodeStateAsUpdate(deep))).toBe(4422);
    const reader = stock(server.token, address);
    await reader.synced;
    expect(reader.doc.getXmlFragment(TEXT_FIELD).length).toBe(0);
  });
});

describe('the server stamps identity', () => {
  let documentId: string;
  let commenter: TestMember & { token: string };
  const threads = () => ({ workspaceId: WS, documentId, channel: 'threads' as const });
  const anchor = { start: null, end: null, quote: 'supply chain', prefix: 'the ', suffix: ' of ICT' };

  beforeAll(async () => {
    documentId = await newDocument('Outcome document');
    commenter = await server.memberWith('commenter', { name: 'Chen Wei' });
    const owner = stock(server.token, threads());
    await owner.synced;
    createThread(owner.doc, { id: 't1', anchor, by: server.owner, body: 'The owner’s proposal.', commentId: 'c1' });
    const stored = async () => server.server.rooms.using(threads(), (room) => room.settled().then(() => readThreads(room.doc).length));
    for (let tries = 0; (await stored()) === 0 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('refuses every forgery a commenter can write into the threads room, and stores none', async () => {
    const stored = await serverState(threads());
    const thread = (doc: Y.Doc) => doc.getMap('threads').get('t1') as Y.Map<unknown>;
    const firstComment = (doc: Y.Doc) => (thread(doc).get('comments') as Y.Array<Y.Map<unknown>>).get(0);
    const forgeries: [string, (doc: Y.Doc) => void][] = [
      ['rewrite the owner’s comment, unmarked', (doc) => firstComment(doc).set('body', 'The owner withdraws the proposal.')],
      ['rewrite it, marked edited', (doc) => doc.transact(() => { firstComment(doc).set('body', 'Changed'); firstComment(doc).set('editedAt', 1); })],
      ['reply as the owner', (doc) => reply(doc, 't1', server.owner, 'Agreed, as the owner.')],
      ['resolve the owner’s thread as the owner', (doc) => setResolved(doc, 't1', true, server.owner)],
      ['resolve it as oneself', (doc) => setResolved(doc, 't1', true, commenter)],
      ['take over the thread', (doc) => thread(doc).set('createdBy', commenter)],
      ['delete the whole thread', (doc) => doc.getMap('threads').delete('t1')],
      ['open a thread as the owner', (doc) => createThread(doc, { id: 't2', anchor, by: server.owner, body: 'In the owner’s name' })],
      ['open a thread with no anchor context', (doc) => createThread(doc, { id: 't3', anchor: { start: null, end: null, quote: 'x' } as never, by: commenter, body: 'x' })],
    ];
    for (const [what, change] of forgeries) {
      expect(await sendAs(commenter.token, threads(), await craft(threads(), change)), what).toBe(4422);
    }
    expect(Buffer.from(await serverState(threads())).equals(Buffer.from(stored))).toBe(true);
    // the honest version of the same: a reply of one's own
    expect(await sendAs(commenter.token, threads(), await craft(threads(), (doc) => reply(doc, 't1', commenter, 'A reply of my own.')))).toBe('open');
    const { comments } = (await server.server.rooms.using(threads(), (room) => readThreads(room.doc)))[0]!;
    expect(comments.map((comment) => [comment.author.id, comment.body])).toEqual([
      [server.owner.id, 'The owner’s proposal.'],
      [commenter.id, 'A reply of my own.'],
    ]);
  });

  it('refuses a tag or passage credited to another member', async () => {
    const editor = await server.memberWith('editor', { name: 'Dana Editor' });
    const text = { workspaceId: WS, documentId };
    expect(await sendAs(editor.token, text, await craft(text, (doc) => createAnnotation(doc, { id: 'a1', by: server.owner, quote: 'q', termIds: ['paris-5'] })))).toBe(4422);
    expect(await sendAs(editor.token, text, await craft(text, (doc) => createAnnotation(doc, { id: 'a1', by: { ...editor, name: 'Someone Else' }, quote: 'q', termIds: ['paris-5'] })))).toBe(4422);
    expect(await sendAs(editor.token, text, await craft(text, (doc) => createAnnotation(doc, { id: 'a1', by: editor, quote: 'q', termIds: ['paris-5'] })))).toBe('open');
  });

  it('presence: others see the member’s own name; nobody can speak for someone else’s presence', async () => {
    const text = { workspaceId: WS, documentId };
    const owner = stock(server.token, text);
    const watcher = stock(server.token, text);
    await Promise.all([owner.synced, watcher.synced]);
    owner.provider.awareness.setLocalStateField('user', { name: 'A name the owner typed', color: '#1d4ed8' });
    const nameOf = (id: number) => (watcher.provider.awareness.getStates().get(id)?.user as { name?: string } | undefined)?.name;
    await waitFor(() => nameOf(owner.doc.clientID) === server.owner.name, 'the owner’s presence, named from the member record');

    const viewer = await server.memberWith('viewer', { name: 'Vera Viewer' });
    const spoofer = await openAccepted(urlOf(viewer.token, text));
    const ownerClock = owner.provider.awareness.meta.get(owner.doc.clientID)!.clock;
    spoofer.send(awarenessFrame([{ clientId: owner.doc.clientID, clock: ownerClock + 100, state: { user: { name: 'Hijacked', color: '#000000' } } }]));
    spoofer.send(awarenessFrame([{ clientId: 424242, clock: 1, state: { user: { name: server.owner.name, color: '#1d4ed8' } } }]));
    await waitFor(() => watcher.provider.awareness.getStates().has(424242), 'the made-up presence');
    expect(nameOf(424242)).toBe('Vera Viewer');
    expect(nameOf(owner.doc.clientID)).toBe(server.owner.name);
    // a 2 MB presence is refused outright
    spoofer.send(awarenessFrame([{ clientId: 424242, clock: 2, state: { user: { name: 'x' }, blob: 'x'.repeat(2_000_000) } }]));
    expect(await closeCodeWithin(spoofer)).toBe(4413);
  });
});

describe('limits that protect members', () => {
  it('hundreds of attempts without a session do not lock out a member from the same address', async () => {
    const address = { workspaceId: WS, documentId: await newDocument() };
    const codes: (number | 'open')[] = [];
    for (let batch = 0; batch < 8; batch++) {
      codes.push(...(await Promise.all(Array.from({ length: 76 }, () => outcomeOf(`${server.wsUrl}/${roomName(address)}?token=forged`, 2000)))));
    }
    expect(codes).toHaveLength(608);
    expect(codes.every((code) => code === 4401 || code === 4429)).toBe(true);
    expect(codes.filter((code) => code === 4429).length).toBeGreaterThan(500); // counted as failures, per address
    expect(await outcomeOf(urlOf(server.token, address))).toBe('open');
  });

  it('behind a trusted proxy, attempts are counted per forwarded address; the header is ignored otherwise', async () => {
    for (const trustProxy of [['127.0.0.1'], false] as const) {
      const proxied = await startTestServer({ failedConnectionsPerMinutePerIp: 5, trustProxy: trustProxy === false ? false : [...trustProxy] });
      try {
        const documentId = ((await (await apiRequest(proxied, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] }).documents[0]!.id;
        const url = `${proxied.wsUrl}/${WS}/${documentId}?token=forged`;
        const from = (address: string) => outcomeOf(url, 1000, { 'x-forwarded-for': address });
        const attacker: (number | 'open')[] = [];
        for (let attempt = 0; attempt < 8; attempt++) attacker.push(await from('203.0.113.7'));
        expect(attacker.slice(5)).toEqual([4429, 4429, 4429]);
        // someone else behind the same proxy, also without a valid session: a fresh count only when the proxy is trusted
        expect(await from('198.51.100.20')).toBe(trustProxy === false ? 4429 : 4401);
      } finally {
        await proxied.stop();
      }
    }
  });

  it('archiving a document closes its threads connections too, which come back read-only', async () => {
    const documentId = await newDocument();
    const commenter = await server.memberWith('commenter');
    const threads = stock(commenter.token, { workspaceId: WS, documentId, channel: 'threads' });
    await threads.synced;
    const closed = new Promise<number>((resolve) => threads.provider.on('connection-close', (event) => event && resolve(event.code)));
    const patch = await apiRequest(server, `/api/workspaces/${WS}/documents/${documentId}`, { method: 'PATCH', body: JSON.stringify({ archived: true }) });
    expect(patch.status).toBe(200);
    expect(await closed).toBe(4509);
    const anchor = { start: null, end: null, quote: 'q', prefix: '', suffix: '' };
    const update = await craft({ workspaceId: WS, documentId, channel: 'threads' }, (doc) => createThread(doc, { id: 'late', anchor, by: commenter, body: 'after the archive' }));
    expect(await sendAs(commenter.token, { workspaceId: WS, documentId, channel: 'threads' }, update)).toBe('open'); // dropped, not refused: read-only
    expect(await server.server.rooms.using({ workspaceId: WS, documentId, channel: 'threads' }, (room) => readThreads(room.doc))).toEqual([]);
  });
});

describe('a client that does not read', () => {
  it('a slow reader of a large document is not taken for one: one copy in flight is allowed beside the limit', async () => {
    const slow = await startTestServer({ maxUnreadBytes: 64 * 1024 });
    try {
      const created = await apiRequest(slow, `/api/workspaces/${WS}/documents`, { method: 'POST', body: JSON.stringify({ title: 'Large', kind: 'background-paper' }) });
      const address = { workspaceId: WS, documentId: ((await created.json()) as { document: { id: string } }).document.id };
      const writer = connectClient({ wsUrl: slow.wsUrl, token: slow.token }, address);
      clients.push(writer);
      await writer.synced;
      // 15 MB, in three updates: more than the socket buffers of both ends hold, so most of it waits unread in the server
      for (let part = 0; part < 3; part++) writer.text.insert(writer.text.length, 'norms '.repeat(850_000));
      const storedLength = () => slow.server.rooms.using(address, (room) => room.settled().then(() => room.doc.getText('text').length));
      for (let tries = 0; (await storedLength()) < writer.text.length && tries < 300; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      const reader = await openAccepted(`${slow.wsUrl}/${roomName(address)}?token=${slow.token}`);
      (reader.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
      reader.send(syncStep1Frame());
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let index = 0; index < 5; index++) {
        writer.provider.awareness.setLocalStateField('user', { name: 'x', color: '#1d4ed8', step: index }); // broadcasts while the copy is unread
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      (reader.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await closeCodeWithin(reader, 1500)).toBe('open');
      const copy = new Y.Doc();
      for (const frame of reader.received) {
        const update = updateOfFrame(frame);
        if (update) Y.applyUpdate(copy, update);
      }
      expect(copy.getText('text').length).toBe(writer.text.length);
      reader.ws.close();
    } finally {
      await slow.stop();
    }
  });


  it('is disconnected once it falls behind; the server’s memory stays bounded', async () => {
    const dataDir = fs.mkdtempSync('/tmp/normspace-unread-');
    const spawned = await spawnServer({ DATA_DIR: dataDir, MAX_UNREAD_BYTES: String(4 * 1024 * 1024), WARM_EXPORTS: 'off' });
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${spawned.child.pid}/status`, 'utf8'))![1]) * 1024;
    try {
      const created = await fetch(`${spawned.url}/api/workspaces/${WS}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${spawned.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Big', kind: 'background-paper' }),
      });
      const { document } = (await created.json()) as { document: { id: string } };
      const room = `${spawned.wsUrl}/${WS}/${document.id}?token=${spawned.token}`;
      // a 6 MB document, written by a stock client
      const writer = connectClient({ wsUrl: spawned.wsUrl, token: spawned.token }, { workspaceId: WS, documentId: document.id });
      clients.push(writer);
      await writer.synced;
      writer.text.insert(0, 'norms '.repeat(1_000_000));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const baseline = rss();
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
      // asks for the whole document 60 times and for everyone's presence 300 times, reading nothing
      const reader = await openAccepted(room);
      (reader.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      for (let index = 0; index < 60; index++) reader.send(syncStep1Frame());
      for (let index = 0; index < 300; index++) reader.send(queryAwarenessFrame());
      await new Promise((resolve) => setTimeout(resolve, 3000));
      (reader.ws as unknown as { _socket: { resume(): void } })._socket.resume(); // reads at last: finds itself cut off
      const code = await closeCodeWithin(reader, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      clearInterval(sampler);
      expect([4508, 1006]).toContain(code); // 4508 when the close frame gets through, 1006 when the socket is cut first
      // before the fix: +595 MB for 60 copies of a 7 MB document
      expect(peak - baseline).toBeLessThan(120 * 1024 * 1024);
      const health = await fetch(`${spawned.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      spawned.child.kill('SIGTERM');
      await new Promise((resolve) => spawned.child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

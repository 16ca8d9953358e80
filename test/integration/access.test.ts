import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { AccessTokens } from '../../server/access/AccessTokens.ts';
import { createAnnotation } from '../../shared/annotations/annotationDoc.ts';
import { createThread, readThreads } from '../../shared/comments/threadsDoc.ts';
import { loadServerSecret } from '../../server/access/serverSecret.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { syncStep2Frame, syncUpdateFrame } from '../helpers/syncFrames.ts';
import { runCli } from '../helpers/runCli.ts';
import { spawnServer } from '../helpers/spawnServer.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
let documentId: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ accessPollMs: 50 });
  const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, {
    method: 'POST',
    body: JSON.stringify({ title: 'Draft', kind: 'contribution' }),
  });
  documentId = ((await response.json()) as { document: { id: string } }).document.id;
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

const textRoom = () => ({ workspaceId: WS, documentId });
const threadsRoom = () => ({ workspaceId: WS, documentId, channel: 'threads' as const });

function connect(token: string | undefined, address = textRoom()): TestClient {
  const client = connectClient({ wsUrl: server.wsUrl, token }, address);
  clients.push(client);
  return client;
}

function closeCodeOf(client: TestClient): Promise<number> {
  return new Promise((resolve) => client.provider.on('connection-close', (event) => event && resolve(event.code)));
}

/** An update that writes into the editor's fragment and the tag map, as a hostile client might. */
function hostileUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getXmlFragment('default').insert(0, [new Y.XmlText('written by someone who may not')]);
    doc.getMap('annotations').set('forged', { termIds: ['x'] });
    doc.getText('text').insert(0, 'forged');
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Opens a raw socket with `token`, sends `frames`; resolves with the close code, or 'open' after `waitMs`. */
function rawSession(url: string, frames: Buffer[], waitMs = 600): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let settled = false;
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame);
      setTimeout(() => {
        if (!settled) {
          settled = true;
          ws.close();
          resolve('open');
        }
      }, waitMs);
    });
    ws.on('close', (code) => {
      if (!settled) {
        settled = true;
        resolve(code);
      }
    });
    ws.on('error', () => {});
  });
}

/** The stored state of a room, read by a fresh owner client: what every later reader would get. */
async function storedState(address = textRoom()): Promise<Uint8Array> {
  const reader = connect(server.token, address);
  await reader.synced;
  const state = Y.encodeStateVector(reader.doc);
  reader.destroy();
  return state;
}

const roomUrl = (token: string | undefined, address = textRoom()) =>
  `${server.wsUrl}/${address.workspaceId}/${address.documentId}${'channel' in address ? `/${address.channel}` : ''}${token ? `?token=${token}` : ''}`;

describe('who may connect', () => {
  it('refuses missing, forged, expired and removed credentials and other workspaces, storing nothing', async () => {
    const before = await storedState();
    const removed = await server.memberWith('editor');
    await apiRequest(server, `/api/workspaces/${WS}/members/${removed.id}`, { method: 'DELETE' });
    const forged = await new AccessTokens(new Uint8Array(32).fill(7)).signSession('mowner', WS, Date.now() + 60_000);
    const key = loadServerSecret(server.dataDir);
    const owner = (await server.server.access.listMembers(WS)).find((m) => m.role === 'owner')!;
    const expired = await new AccessTokens(key).signSession(owner.id, WS, Date.now() - 1000);
    const tampered = `${server.token.slice(0, -4)}AAAA`;
    const otherWorkspace = await server.server.workspaces.createWorkspace('other-group', 'Other group');
    expect(otherWorkspace).toBeDefined();
    const outsider = await server.memberWith('owner', { workspaceId: 'other-group' });

    const cases: [string, string | undefined, number][] = [
      ['no token', undefined, 4401],
      ['token signed with another key', forged, 4401],
      ['tampered token', tampered, 4401],
      ['expired session', expired, 4401],
      ['not a token at all', 'hello', 4401],
      ['removed member', removed.token, 4403],
      ['member of another workspace', outsider.token, 4403],
    ];
    for (const [name, token, code] of cases) {
      expect(await rawSession(roomUrl(token), [syncUpdateFrame(hostileUpdate())]), name).toBe(code);
    }
    // an invite token is not a session
    const { token: inviteToken } = await server.server.access.createInvite({ workspaceId: WS, role: 'owner', expiresInMs: 60_000, createdBy: 'test' });
    expect(await rawSession(roomUrl(inviteToken), [syncUpdateFrame(hostileUpdate())])).toBe(4401);

    expect(await storedState()).toEqual(before);
    expect((await apiRequest(server, '/api/health')).status).toBe(200);
  });

  it('stock providers stop retrying after 4401 and report it', async () => {
    const anonymous = connect(undefined);
    expect(await closeCodeOf(anonymous)).toBe(4401);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(anonymous.provider.wsconnected).toBe(false);
    expect(anonymous.provider.shouldConnect).toBe(false);
  });
});

describe('what each role may write', () => {
  it('a viewer reads and shares presence but its updates and step 2 messages are dropped', async () => {
    const writer = connect(server.token);
    await writer.synced;
    writer.doc.getXmlFragment('default').insert(0, [new Y.XmlText('The editor wrote this.')]);
    const viewer = await server.memberWith('viewer');
    const reader = connect(viewer.token);
    await reader.synced;
    await waitFor(() => reader.doc.getXmlFragment('default').toString().includes('The editor wrote this.'), 'the viewer reads');

    // presence still flows both ways
    reader.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    await waitFor(() => [...writer.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === viewer.name), 'viewer presence');

    const before = await storedState();
    expect(await rawSession(roomUrl(viewer.token), [syncUpdateFrame(hostileUpdate()), syncStep2Frame(hostileUpdate())])).toBe('open');
    reader.doc.getXmlFragment('default').insert(0, [new Y.XmlText('viewer typing')]); // through the stock provider too
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedState()).toEqual(before);
    expect(writer.doc.getXmlFragment('default').toString()).not.toContain('viewer typing');
  });

  it('a commenter writes threads but neither text nor tags', async () => {
    const commenter = await server.memberWith('commenter');
    const before = await storedState();
    expect(await rawSession(roomUrl(commenter.token), [syncUpdateFrame(hostileUpdate())])).toBe('open');
    expect(await storedState()).toEqual(before);

    const threads = connect(commenter.token, threadsRoom());
    await threads.synced;
    createThread(threads.doc, { id: 't1', anchor: { start: null, end: null, quote: 'norms', prefix: '', suffix: '' }, by: commenter, body: 'a comment from the commenter' });
    const other = connect(server.token, threadsRoom());
    await waitFor(() => readThreads(other.doc)[0]?.comments[0]?.body === 'a comment from the commenter', 'the thread reaches others');
  });

  it('an editor edits text and tags but not the taxonomy', async () => {
    const editor = await server.memberWith('editor');
    const taxonomy = { workspaceId: WS, documentId: '_taxonomy' };
    const before = await storedState(taxonomy);
    expect(await rawSession(roomUrl(editor.token, taxonomy), [syncUpdateFrame(hostileUpdate())])).toBe('open');
    expect(await storedState(taxonomy)).toEqual(before);

    const text = connect(editor.token);
    await text.synced;
    createAnnotation(text.doc, { id: 'a1', by: editor, quote: 'norms', termIds: ['norm-1'] });
    const other = connect(server.token);
    await waitFor(() => other.doc.getMap('annotations').has('a1'), 'the editor’s tag reaches others');
  });
});

describe('changes of membership reach open connections at once', () => {
  it('a member renames themselves: connections reconnect, and presence and new comments carry the new name', async () => {
    const member = await server.memberWith('commenter', { name: 'Ben Ortiz' });
    const threads = connect(member.token, threadsRoom());
    const watcher = connect(server.token, threadsRoom());
    await Promise.all([threads.synced, watcher.synced]);
    const reconnect = closeCodeOf(threads);
    const renamed = await apiRequest(server, '/api/session', { method: 'PATCH', body: JSON.stringify({ name: 'Benjamin Ortiz' }), token: member.token });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { member: { name: string } }).member.name).toBe('Benjamin Ortiz');
    expect(await reconnect).toBe(4509);
    await waitFor(() => threads.provider.wsconnected, 'the member reconnects');
    threads.provider.awareness.setLocalStateField('user', { name: 'whatever the page says', color: '#1d4ed8' });
    await waitFor(() => (watcher.provider.awareness.getStates().get(threads.doc.clientID)?.user as { name?: string } | undefined)?.name === 'Benjamin Ortiz', 'the new name on presence');
    createThread(threads.doc, { id: 't1', anchor: { start: null, end: null, quote: 'q', prefix: '', suffix: '' }, by: { id: member.id, name: 'Benjamin Ortiz', color: '#1d4ed8' }, body: 'Signed with my new name' });
    await waitFor(() => readThreads(watcher.doc)[0]?.comments[0]?.author.name === 'Benjamin Ortiz', 'the comment under the new name');
    const session = await apiRequest(server, '/api/session', { token: member.token });
    expect(((await session.json()) as { member: { name: string } }).member.name).toBe('Benjamin Ortiz');
    const empty = await apiRequest(server, '/api/session', { method: 'PATCH', body: JSON.stringify({ name: '  ' }), token: member.token });
    expect(empty.status).toBe(400);
  });

  it('removing a member closes their connections with 4403; lowering a role reconnects them read-only', async () => {
    const removed = await server.memberWith('editor', { name: 'Leaving' });
    const lowered = await server.memberWith('editor', { name: 'Lowered' });
    const leaving = connect(removed.token);
    const staying = connect(lowered.token);
    await Promise.all([leaving.synced, staying.synced]);

    const closed = closeCodeOf(leaving);
    expect((await apiRequest(server, `/api/workspaces/${WS}/members/${removed.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await closed).toBe(4403);

    const reconnect = closeCodeOf(staying);
    const patch = await apiRequest(server, `/api/workspaces/${WS}/members/${lowered.id}`, { method: 'PATCH', body: JSON.stringify({ role: 'viewer' }) });
    expect(patch.status).toBe(200);
    expect(await reconnect).toBe(4509);
    await waitFor(() => staying.provider.wsconnected && staying.provider.synced, 'reconnected');
    const before = await storedState();
    staying.doc.getXmlFragment('default').insert(0, [new Y.XmlText('now a viewer')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedState()).toEqual(before);
  });

  it('the admin CLI, run beside the running server, removes a member and the server applies it at once', async () => {
    const member = await server.memberWith('commenter', { name: 'Casey Example' });
    const client = connect(member.token, threadsRoom());
    await client.synced;
    const closed = closeCodeOf(client);
    const result = await runAdmin(['remove', 'casey example']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('Casey Example');
    expect(await closed).toBe(4403);
    expect((await apiRequest(server, '/api/session', { token: member.token })).status).toBe(403);
  });

  it('the admin CLI works on a stopped server: an invite made then lets someone in after the start', async () => {
    await server.server.close();
    const made = await runAdmin(['invite', '--role', 'viewer', '--expires', '1h']);
    expect(made.code).toBe(0);
    const token = /\/invite#(\S+)/.exec(made.output)?.[1];
    expect(token).toBeDefined();
    await server.restart();
    const joined = await apiRequest(server, '/api/invites/redeem', { token: null, method: 'POST', body: JSON.stringify({ token, name: 'Late joiner' }) });
    expect(joined.status).toBe(201);
    const { session, member } = (await joined.json()) as { session: string; member: { role: string } };
    expect(member.role).toBe('viewer');
    const invites = await runAdmin(['invites']);
    expect(invites.output).toMatch(/viewer\s+active\s+1\b/);
    expect((await apiRequest(server, '/api/session', { token: session })).status).toBe(200);
  });

  it('prints a session token of a member for scripts; the API takes it as that member', async () => {
    const result = await runAdmin(['token', 'test owner']);
    expect(result.code).toBe(0);
    const session = await apiRequest(server, '/api/session', { token: result.output.trim() });
    expect(((await session.json()) as { member: { name: string; role: string } }).member).toMatchObject({ name: 'Test owner', role: 'owner' });
  });

  it('refuses misuse with exit code 2 and a usage text', async () => {
    const result = await runAdmin(['invite', '--role', 'emperor']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('--role must be one of');
  });
});

function runAdmin(args: string[]): Promise<{ code: number; output: string }> {
  return runCli('admin.ts', args, { DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' });
}

describe('the API asks who is calling', () => {
  it('answers 401 without or with a bad session and 403 to other workspaces, in JSON', async () => {
    const path = `/api/workspaces/${WS}`;
    for (const [token, status] of [
      [null, 401],
      ['forged.token.here', 401],
    ] as const) {
      const response = await apiRequest(server, path, { token });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(/sign-in|not valid/i);
    }
    await server.server.workspaces.createWorkspace('other-group', 'Other group');
    const outsider = await server.memberWith('owner', { workspaceId: 'other-group' });
    const refused = await apiRequest(server, path, { token: outsider.token });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/not a member/);
    expect((await apiRequest(server, '/api/health', { token: null })).status).toBe(200);
  });

  it('lets each role do only what it may', async () => {
    const viewer = await server.memberWith('viewer');
    const editor = await server.memberWith('editor');
    const facilitator = await server.memberWith('facilitator');
    const create = (token: string) =>
      apiRequest(server, `/api/workspaces/${WS}/documents`, { token, method: 'POST', body: JSON.stringify({ title: 'New', kind: 'contribution' }) });
    const patch = (token: string, body: object) =>
      apiRequest(server, `/api/workspaces/${WS}/documents/${documentId}`, { token, method: 'PATCH', body: JSON.stringify(body) });
    const invite = (token: string, role: string) =>
      apiRequest(server, `/api/workspaces/${WS}/invites`, { token, method: 'POST', body: JSON.stringify({ role, expiresInHours: 24 }) });

    expect((await create(viewer.token)).status).toBe(403);
    expect((await create(editor.token)).status).toBe(201);
    expect((await patch(editor.token, { title: 'Renamed by the editor' })).status).toBe(200);
    expect((await patch(editor.token, { archived: true })).status).toBe(403);
    expect((await patch(facilitator.token, { archived: true })).status).toBe(200);
    expect((await invite(editor.token, 'viewer')).status).toBe(403);
    expect((await invite(facilitator.token, 'editor')).status).toBe(201);
    expect((await invite(facilitator.token, 'owner')).status).toBe(403);
    expect((await apiRequest(server, `/api/workspaces/${WS}/invites`, { token: editor.token })).status).toBe(403);
    expect((await apiRequest(server, `/api/workspaces/${WS}/members`, { token: viewer.token })).status).toBe(200);
    const owners = (await server.server.access.listMembers(WS)).filter((m) => m.role === 'owner');
    const demote = await apiRequest(server, `/api/workspaces/${WS}/members/${owners[0]!.id}`, { method: 'PATCH', body: JSON.stringify({ role: 'editor' }) });
    expect(demote.status).toBe(409);
  });

  it('an invite link works once it is redeemed, and not after it is revoked or used up', async () => {
    const created = await apiRequest(server, `/api/workspaces/${WS}/invites`, { method: 'POST', body: JSON.stringify({ role: 'commenter', expiresInHours: 1, maxUses: 1 }) });
    const { token, invite } = (await created.json()) as { token: string; invite: { id: string } };
    const inspect = await apiRequest(server, '/api/invites/inspect', { token: null, method: 'POST', body: JSON.stringify({ token }) });
    expect(await inspect.json()).toMatchObject({ role: 'commenter', workspace: { id: WS } });
    const redeem = (name: string, t = token) => apiRequest(server, '/api/invites/redeem', { token: null, method: 'POST', body: JSON.stringify({ token: t, name }) });
    expect((await redeem('First')).status).toBe(201);
    const second = await redeem('Second');
    expect(second.status).toBe(403);
    expect(((await second.json()) as { error: string }).error).toMatch(/already been used/);

    const another = (await (await apiRequest(server, `/api/workspaces/${WS}/invites`, { method: 'POST', body: JSON.stringify({ role: 'viewer', expiresInHours: 1 }) })).json()) as { token: string; invite: { id: string } };
    expect((await apiRequest(server, `/api/workspaces/${WS}/invites/${another.invite.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await redeem('Third', another.token);
    expect(revoked.status).toBe(403);
    expect(((await revoked.json()) as { error: string }).error).toMatch(/withdrawn/);
    expect(invite.id).toBeTruthy();
    const bad = await redeem('', token);
    expect(bad.status).toBe(400);
  });
});

describe('secrets stay out of the logs', () => {
  it('logs at trace level name no session or invite token, whatever the requests', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-logs-'));
    const spawned = await spawnServer({ DATA_DIR: dir, LOG_LEVEL: 'trace' });
    try {
      const invite = (await (
        await apiRequest(spawned, `/api/workspaces/${WS}/invites`, { method: 'POST', body: JSON.stringify({ role: 'viewer', expiresInHours: 1 }) })
      ).json()) as { token: string };
      const joined = (await (
        await apiRequest(spawned, '/api/invites/redeem', { token: null, method: 'POST', body: JSON.stringify({ token: invite.token, name: 'Viewer' }) })
      ).json()) as { session: string };
      const forged = `${joined.session.slice(0, -6)}AAAAAA`;
      await apiRequest(spawned, `/api/workspaces/${WS}`, { token: joined.session });
      await apiRequest(spawned, `/api/workspaces/${WS}`, { token: forged });
      await apiRequest(spawned, '/api/invites/redeem', { token: null, method: 'POST', body: JSON.stringify({ token: forged, name: 'x' }) });
      const workspace = (await (await apiRequest(spawned, `/api/workspaces/${WS}`)).json()) as { documents: { id: string }[] };
      const room = { workspaceId: WS, documentId: workspace.documents[0]!.id };
      const reader = connectClient({ wsUrl: spawned.wsUrl, token: joined.session }, room);
      clients.push(reader);
      await reader.synced;
      const refused = connectClient({ wsUrl: spawned.wsUrl, token: forged }, room);
      clients.push(refused);
      expect(await closeCodeOf(refused)).toBe(4401);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const output = spawned.output();
      expect(output).toContain('member joined'); // the logs did record what happened…
      for (const secret of [joined.session, forged, invite.token, spawned.token]) {
        expect(output.includes(secret)).toBe(false); // …without any token
        expect(output.includes(secret.split('.')[2]!)).toBe(false); // nor its signature
      }
    } finally {
      spawned.child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessService } from '../../server/access/AccessService.ts';
import { AccessTokens } from '../../server/access/AccessTokens.ts';
import { loadServerSecret } from '../../server/access/serverSecret.ts';
import { authenticateRequests, type RegisteredRoute } from '../../server/api/authenticateRequests.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { rawRequest, type RawResponse } from '../helpers/rawRequest.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
const OTHER_WS = 'other-group';
const INDEX_HTML = '<!doctype html><title>Normspace test app</title>';
/** Text that only a member of the workspace may read: none of it may reach a refused caller. */
const SECRETS = ['Best Practice Forum on Cybersecurity', 'Walked document', 'Test owner', 'Victim member'];

let server: TestServer;
let staticDir: string;
let documentId: string;
let ownerId: string;
let inviteToken: string;
let forged: string;
let expired: string;
let outsider: string;
let created = 0;

beforeAll(async () => {
  // A small built web app of our own, so that its routes (files and the index fallback) are walked too.
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-static-'));
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'export {};');
  server = await startTestServer({ staticDir, inviteAttemptsPerMinute: 100_000 });
  const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, { method: 'POST', body: JSON.stringify({ title: 'Walked document', kind: 'contribution' }) });
  documentId = ((await response.json()) as { document: { id: string } }).document.id;
  ownerId = (await server.memberWith('owner', { name: 'Test owner' })).id;
  const invite = await apiRequest(server, `/api/workspaces/${WS}/invites`, { method: 'POST', body: JSON.stringify({ role: 'viewer', expiresInHours: 1 }) });
  inviteToken = ((await invite.json()) as { token: string }).token;
  forged = await new AccessTokens(new Uint8Array(32).fill(7)).signSession(ownerId, WS, Date.now() + 60_000);
  expired = await new AccessTokens(loadServerSecret(server.dataDir)).signSession(ownerId, WS, Date.now() - 1000);
  await server.server.workspaces.createWorkspace(OTHER_WS, 'Another group');
  outsider = (await server.memberWith('owner', { workspaceId: OTHER_WS, name: 'Outsider' })).token;
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** Values for a route's parameters; members and invites are made afresh, as a successful call may remove them. */
async function parameterValues(): Promise<Record<string, string>> {
  const victim = await server.memberWith('viewer', { name: 'Victim member' });
  const invite = await server.server.access.createInvite({ workspaceId: WS, role: 'viewer', expiresInMs: 3_600_000, createdBy: ownerId, maxUses: null });
  return { workspace: WS, document: documentId, member: victim.id, invite: invite.invite.id, '*': 'w/some/page' };
}

function fill(url: string, values: Record<string, string>, encode: (value: string) => string = (value) => value): string {
  return url.replace(/:(\w+)|\*/g, (match: string, name: string | undefined) => {
    const value = values[name ?? match];
    if (value === undefined) throw new Error(`no value for ${match} in ${url}`);
    return match === '*' ? value : encode(value);
  });
}

const percentEncodeAll = (value: string) => [...value].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * A request each route would accept from the owner: the walk sends it without credentials (and in
 * other ways it must refuse), and then, as a control, with the owner's session, which must succeed,
 * so a refusal in the walk is the rule's doing and not a bad body. A new route needs a line here.
 */
function requestFor(route: RegisteredRoute): { query?: string; body?: string; contentType?: string } {
  const key = `${route.method} ${route.url}`;
  if (route.method === 'GET' || route.method === 'HEAD' || route.method === 'DELETE') return {};
  const json = (value: unknown) => ({ body: JSON.stringify(value) });
  switch (key) {
    case 'POST /api/invites/inspect':
      return json({ token: inviteToken });
    case 'POST /api/invites/redeem':
      return json({ token: inviteToken, name: 'Walker' });
    case 'PATCH /api/session':
      return json({ name: 'Renamed walker' });
    case 'POST /api/workspaces':
      return json({ id: `walked-${++created}`, name: 'Walked workspace' });
    case 'POST /api/workspaces/:workspace/documents':
      return json({ title: 'Probe', kind: 'contribution' });
    case 'PATCH /api/workspaces/:workspace/documents/:document':
      return json({ title: 'Walked document' });
    case 'PATCH /api/workspaces/:workspace/members/:member':
      return json({ role: 'commenter' });
    case 'POST /api/workspaces/:workspace/invites':
      return json({ role: 'viewer', expiresInHours: 1 });
    case 'POST /api/workspaces/:workspace/exports':
      return json({ format: 'markdown', documents: [documentId] });
    case 'POST /api/workspaces/:workspace/imports':
      return { query: '?kind=contribution&fileName=walked.md', body: '# Imported\n\nText.', contentType: 'application/octet-stream' };
    default:
      throw new Error(`the walk has no request for ${key}: add one to requestFor`);
  }
}

/** The ways of writing a path that a URL-prefix check would have missed, or that a router might still match. */
function variants(route: RegisteredRoute, values: Record<string, string>): string[] {
  const plain = fill(route.url, values);
  const [, first = '', ...rest] = plain.split('/');
  const tail = rest.length > 0 ? `/${rest.join('/')}` : '';
  const lastSlash = plain.lastIndexOf('/');
  return [
    ...new Set([
      `/${percentEncodeAll(first.slice(0, 1))}${first.slice(1)}${tail}`, // /%61pi/…
      `/${first}${tail.replace('/', '%2F')}`, // /api%2Fworkspaces/…
      lastSlash > 0 ? `${plain.slice(0, lastSlash)}%2F${plain.slice(lastSlash + 1)}` : plain,
      `/${plain}`, // //api/…
      `/${first.toUpperCase()}${tail}`,
      `/${first.slice(0, 1).toUpperCase()}${first.slice(1)}${tail}`,
      `${plain}/`,
      fill(route.url, values, percentEncodeAll),
      `/${first}/.${tail}`,
      `/${first}/x/..${tail}`,
      `/./${first}${tail}`,
      `${plain}?token=${expired}`,
    ]),
  ].filter((variant) => variant !== plain || route.url === '/*');
}

const send = async (route: RegisteredRoute, path: string, token?: string): Promise<RawResponse> => {
  const { query = '', body, contentType } = requestFor(route);
  return rawRequest(server.url, route.method, `${path}${query}`, { token, body, contentType });
};

const isSuccess = (response: RawResponse) => response.status >= 200 && response.status < 300;
const describeResponse = (route: RegisteredRoute, path: string, response: RawResponse) =>
  `${route.method} ${path} → ${response.status} ${response.text.slice(0, 160)}`;

describe('every route decides its own access', () => {
  it('has a declaration for every registered route, and walks them all', () => {
    const routes = server.server.routes;
    expect(routes.length).toBeGreaterThan(20);
    for (const expected of ['GET /api/workspaces/:workspace/members', 'GET /api/session', 'POST /api/workspaces/:workspace/imports', 'GET /*', 'GET /index.html']) {
      expect(routes.map((route) => `${route.method} ${route.url}`)).toContain(expected);
    }
    const publicOnes = routes.filter((route) => route.access.auth === 'public' && route.url.startsWith('/api/')).map((route) => `${route.method} ${route.url}`);
    expect(publicOnes.sort()).toEqual(['GET /api/health', 'HEAD /api/health', 'POST /api/invites/inspect', 'POST /api/invites/redeem']);
  });

  it('answers no variant of any path with workspace data or a server error when there is no session', async () => {
    const failures: string[] = [];
    for (const route of server.server.routes) {
      const values = await parameterValues();
      for (const variant of variants(route, values)) {
        const response = await send(route, variant);
        // The invite routes are public and tell an invite's holder which workspace it opens.
        const leaked = route.access.auth === 'member' ? SECRETS.filter((secret) => response.text.includes(secret)) : [];
        if (response.status >= 500) failures.push(`server error: ${describeResponse(route, variant, response)}`);
        if (leaked.length > 0) failures.push(`leaked ${leaked.join(', ')}: ${describeResponse(route, variant, response)}`);
        const webApp = response.text === INDEX_HTML || response.text === 'export {};';
        if (route.access.auth === 'member' && isSuccess(response) && !webApp) failures.push(`accepted: ${describeResponse(route, variant, response)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses forged and expired sessions and members of another workspace on every member route, and lets the owner in', async () => {
    const failures: string[] = [];
    for (const route of server.server.routes.filter((r) => r.access.auth === 'member')) {
      const values = await parameterValues();
      const plain = fill(route.url, values);
      for (const [name, token, status] of [
        ['no session', undefined, 401],
        ['forged session', forged, 401],
        ['expired session', expired, 401],
        ['member of another workspace', outsider, route.url.includes(':workspace') ? 403 : undefined],
      ] as const) {
        const response = await send(route, plain, token);
        if (status === undefined) {
          // /api/session, /api/workspaces: an outsider gets their own workspace, never this one.
          if (SECRETS.some((secret) => response.text.includes(secret))) failures.push(`${name} leaked: ${describeResponse(route, plain, response)}`);
          continue;
        }
        if (response.status !== status) failures.push(`${name}: ${describeResponse(route, plain, response)}`);
        else if (route.method !== 'HEAD' && !(JSON.parse(response.text) as { error?: unknown }).error) failures.push(`${name}: no JSON error`);
      }
      // The control: the same request with the owner's session succeeds, so the refusals above are the rule's.
      const allowed = await send(route, plain, server.token);
      if (!isSuccess(allowed)) failures.push(`owner refused: ${describeResponse(route, plain, allowed)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('routes without a declaration', () => {
  const access = { authenticate: () => Promise.resolve({ ok: false }) } as unknown as AccessService;

  it('cannot be registered', () => {
    const app = Fastify();
    authenticateRequests(app, access);
    expect(() => app.get('/api/forgotten', () => ({ secret: true }))).toThrow(/GET \/api\/forgotten declares no access rule/);
    expect(() => app.post('/api/misspelt', { config: { auth: 'everyone' as 'public' } }, () => ({ secret: true }))).toThrow(/declares no access rule/);
    expect(() => app.post('/api/unknown-action', { config: { auth: 'member', action: 'anything' as 'members.manage' } }, () => ({}))).toThrow(/declares no access rule/);
    expect(() => app.get('/api/fine', { config: { auth: 'member', action: 'members.manage' } }, () => ({}))).not.toThrow();
  });

  it('are refused and logged if one slips in before the rule is installed', async () => {
    const logged: string[] = [];
    const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } } });
    app.get('/early', () => ({ secret: true }));
    authenticateRequests(app, access);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address() as { port: number };
      const response = await rawRequest(`http://127.0.0.1:${address.port}`, 'GET', '/early');
      expect(response.status).toBe(403);
      expect(response.text).not.toContain('secret');
      expect(logged.join('\n')).toMatch(/declares no access rule/);
    } finally {
      await app.close();
    }
  });
});

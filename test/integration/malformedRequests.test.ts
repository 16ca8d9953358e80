import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from '../helpers/apiRequest.ts';
import { rawRequest, type RawResponse } from '../helpers/rawRequest.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer({ inviteAttemptsPerMinute: 100_000 });
  const response = await apiRequest(server, `/api/workspaces/${WS}/documents`, { method: 'POST', body: JSON.stringify({ title: 'Target', kind: 'contribution' }) });
  documentId = ((await response.json()) as { document: { id: string } }).document.id;
});
afterAll(() => server.stop());

/** The JSON error of a response; fails the test when the body is not `{ error: string }`. */
function errorOf(response: RawResponse): string {
  const body = JSON.parse(response.text) as { error?: unknown };
  expect(typeof body.error).toBe('string');
  return body.error as string;
}

describe('requests no handler can make sense of', () => {
  it('answers malformed percent-escapes in the path with 400 and a JSON error, signed in or not', async () => {
    for (const path of ['/api/workspaces/%E0%A4%A', '/api/workspaces/%', '/api/workspaces/%zz/members', `/api/workspaces/${WS}/documents/%E0`, '/%']) {
      for (const token of [undefined, server.token]) {
        const response = await rawRequest(server.url, 'GET', path, { token });
        expect(response.status, path).toBe(400);
        expect(errorOf(response)).toMatch(/percent-encoding/);
      }
    }
  });

  it('answers a NUL or other bytes no id may hold with 400 once signed in (401 before)', async () => {
    for (const value of ['%00', '%0A', '%C3%A9t%C3%A9', '..%2F..%2Fetc', '%F0%9F%98%80']) {
      const anonymous = await rawRequest(server.url, 'GET', `/api/workspaces/${value}/members`);
      expect(anonymous.status).toBe(401);
      const signedIn = await rawRequest(server.url, 'GET', `/api/workspaces/${value}`, { token: server.token });
      expect(signedIn.status, value).toBe(400);
      expect(errorOf(signedIn)).toBe('invalid workspace id');
    }
  });

  it('answers odd values of every other parameter without a server error', async () => {
    const routes = server.server.routes.filter((route) => /:(document|member|invite)/.test(route.url) && route.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const route of routes) {
      for (const value of ['%00', 'a'.repeat(64), '%E2%80%AE', 'x%2Fy']) {
        const path = route.url.replace(':workspace', WS).replace(/:\w+/, value);
        const response = await rawRequest(server.url, route.method, path, { token: server.token, body: '{}' });
        expect(response.status, `${route.method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${route.method} ${path}`).toBeLessThan(500);
        errorOf(response);
      }
    }
  });

  it('answers over-long paths with a JSON error: 404 past the longest parameter, 431 past the header limit', async () => {
    const long = await rawRequest(server.url, 'GET', `/api/workspaces/${'a'.repeat(8000)}/members`, { token: server.token });
    expect(long.status).toBe(404);
    errorOf(long);
    const huge = await rawRequest(server.url, 'GET', `/api/workspaces/${'a'.repeat(20_000)}`, { token: server.token });
    expect(huge.status).toBe(431);
    errorOf(huge);
  });

  it('answers bad JSON, an empty JSON body and a wrong content type with 400 or 415 and a JSON error', async () => {
    const documents = `/api/workspaces/${WS}/documents`;
    const cases: [string, string, string, string, number][] = [
      ['POST', documents, '{"title":', 'application/json', 400],
      ['POST', documents, '', 'application/json', 400],
      ['POST', documents, '<document/>', 'application/xml', 415],
      ['POST', documents, 'title=x', 'application/x-www-form-urlencoded', 415],
      ['PATCH', `${documents}/${documentId}`, '[1,2', 'application/json', 400],
      ['POST', `/api/workspaces/${WS}/exports`, '{"format":"docx",', 'application/json', 400],
      ['POST', `/api/workspaces/${WS}/invites`, 'null', 'application/json', 400],
      ['POST', '/api/invites/redeem', '{"token":', 'application/json', 400],
      ['POST', '/api/invites/inspect', 'token', 'image/png', 415],
    ];
    for (const [method, path, body, contentType, status] of cases) {
      const response = await rawRequest(server.url, method, path, { token: server.token, body, contentType });
      expect(response.status, `${method} ${path} ${contentType} ${body}`).toBe(status);
      errorOf(response);
    }
  });

  it('answers a body over the limit with 413 and a JSON error', async () => {
    const response = await rawRequest(server.url, 'POST', `/api/workspaces/${WS}/documents`, {
      token: server.token,
      body: JSON.stringify({ title: 'x'.repeat(server.config.maxBodyBytes), kind: 'contribution' }),
    });
    expect(response.status).toBe(413);
    errorOf(response);
  });
});

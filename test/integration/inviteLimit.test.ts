import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { rawRequest, type RawResponse } from '../helpers/rawRequest.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
const servers: TestServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function serverWithInvite(overrides: Partial<Config>): Promise<{ server: TestServer; token: string }> {
  const server = await startTestServer(overrides);
  servers.push(server);
  // No use limit: only the rate limit stands between a script and any number of members.
  const created = await apiRequest(server, `/api/workspaces/${WS}/invites`, { method: 'POST', body: JSON.stringify({ role: 'viewer', expiresInHours: 1 }) });
  return { server, token: ((await created.json()) as { token: string }).token };
}

function redeem(server: TestServer, token: string, name: string, forwardedFor?: string): Promise<RawResponse> {
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return rawRequest(server.url, 'POST', '/api/invites/redeem', { body: JSON.stringify({ token, name }), headers });
}

function inspect(server: TestServer, token: string, forwardedFor?: string): Promise<RawResponse> {
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return rawRequest(server.url, 'POST', '/api/invites/inspect', { body: JSON.stringify({ token }), headers });
}

describe('invite attempts per client address', () => {
  it('cuts off a burst of 500 redemptions of one unlimited invite at the limit, with 429, Retry-After and a JSON error', async () => {
    const { server, token } = await serverWithInvite({ inviteAttemptsPerMinute: 20 });
    const responses: RawResponse[] = [];
    for (let batch = 0; batch < 10; batch++) {
      responses.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => redeem(server, token, `Burst ${batch * 50 + i}`)))));
    }
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(480);
    const refused = responses.find((response) => response.status === 429)!;
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect((JSON.parse(refused.text) as { error: string }).error).toMatch(/Too many invite attempts.*try again in \d+ seconds/);
    // Refused attempts made no one a member.
    const members = (await server.server.access.listMembers(WS)).filter((member) => member.name.startsWith('Burst'));
    expect(members).toHaveLength(20);
    // Inspecting shares the budget: guessing links one way or the other is the same attack.
    expect((await inspect(server, token)).status).toBe(429);
  });

  it('counts each client behind a trusted proxy apart, by its forwarded address', async () => {
    const { server, token } = await serverWithInvite({ inviteAttemptsPerMinute: 3, trustProxy: ['loopback'] });
    for (let i = 0; i < 3; i++) expect((await inspect(server, token, '198.51.100.1')).status).toBe(200);
    expect((await inspect(server, token, '198.51.100.1')).status).toBe(429);
    expect((await redeem(server, token, 'Blocked', '198.51.100.1')).status).toBe(429);
    // Another client through the same proxy has its own budget.
    expect((await redeem(server, token, 'Second client', '198.51.100.2')).status).toBe(201);
    // A forged entry before the real one changes nothing: the proxy's last entry is the client.
    expect((await inspect(server, token, '203.0.113.9, 198.51.100.1')).status).toBe(429);
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so a client cannot buy fresh budgets with it', async () => {
    const { server, token } = await serverWithInvite({ inviteAttemptsPerMinute: 3 });
    expect(server.config.trustProxy).toBe(false);
    for (let i = 0; i < 3; i++) expect((await inspect(server, token, `198.51.100.${i + 1}`)).status).toBe(200);
    expect((await inspect(server, token, '198.51.100.99')).status).toBe(429);
    expect((await redeem(server, token, 'Still blocked', '203.0.113.50')).status).toBe(429);
  });

  it('leaves routes of signed-in members alone', async () => {
    const { server, token } = await serverWithInvite({ inviteAttemptsPerMinute: 1 });
    expect((await inspect(server, token)).status).toBe(200);
    expect((await inspect(server, token)).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await apiRequest(server, `/api/workspaces/${WS}/members`)).status).toBe(200);
  });
});

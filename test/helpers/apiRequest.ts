import type { TestServer } from './startTestServer.ts';

/**
 * A JSON API call to the test server, as a member of the workspace would make it: the owner by
 * default, `token` to call as someone else, `token: null` to call without credentials. Tests go through
 * this rather than bare `fetch` so that they keep working once the API asks who is calling.
 */
export function apiRequest(
  server: Pick<TestServer, 'url' | 'token'>,
  path: string,
  init: RequestInit & { token?: string | null } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  const { token: given, ...rest } = init;
  const token = given === undefined ? server.token : given;
  if (token !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined && typeof init.body === 'string' && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  return fetch(`${server.url}${path}`, { ...rest, headers });
}

import type { TestServer } from './startTestServer.ts';

/**
 * A JSON API call to the test server, as a member of the workspace would make it. Tests go through
 * this rather than bare `fetch` so that they keep working once the API asks who is calling.
 */
export function apiRequest(server: TestServer, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && typeof init.body === 'string' && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  return fetch(`${server.url}${path}`, { ...init, headers });
}

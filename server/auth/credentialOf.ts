import type { IncomingMessage } from 'node:http';

/**
 * The session token a request carries: `Authorization: Bearer <token>`, or for websockets (browsers
 * cannot set headers on them) the `token` URL parameter. Never logged.
 */
export function credentialOf(request: Pick<IncomingMessage, 'headers' | 'url'>): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (match) return match[1];
  }
  const query = request.url?.split('?')[1];
  if (!query) return undefined;
  return new URLSearchParams(query).get('token') ?? undefined;
}

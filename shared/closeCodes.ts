/**
 * WebSocket close codes shared by server and client. 4400–4499 mirror HTTP 4xx: the stock
 * y-websocket provider does not reconnect after them. 4500+ are transient: it retries.
 */
export const CloseCodes = {
  /** A message could not be decoded or is not part of the protocol. */
  BadMessage: { code: 4400, reason: 'Malformed or unknown message' },
  Unauthorized: { code: 4401, reason: 'Unauthorized' },
  Forbidden: { code: 4403, reason: 'Forbidden' },
  NotFound: { code: 4404, reason: 'No such workspace or document' },
  TooLarge: { code: 4413, reason: 'Message or document too large' },
  RateLimited: { code: 4429, reason: 'Too many messages' },
  ServerError: { code: 4500, reason: 'The document could not be loaded' },
  ShuttingDown: { code: 4503, reason: 'Server is restarting' },
  /** What this connection may do has changed (e.g. the document was archived): reconnect. */
  AccessChanged: { code: 4509, reason: 'Access changed; reconnect' },
} as const;

export type CloseCodeName = keyof typeof CloseCodes;

export function describeCloseCode(code: number): string | undefined {
  for (const entry of Object.values(CloseCodes)) if (entry.code === code) return entry.reason;
  return undefined;
}

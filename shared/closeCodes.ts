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
  /** A well-formed update the server refuses: it writes as someone else, or breaks a rule of its room. */
  RefusedChange: { code: 4422, reason: 'Change refused' },
  RateLimited: { code: 4429, reason: 'Too many messages' },
  ServerError: { code: 4500, reason: 'The document could not be loaded' },
  /** The client did not read what the server sent (its unread bytes passed the limit): transient, it may reconnect. */
  NotReading: { code: 4508, reason: 'Too far behind: reconnect' },
  ShuttingDown: { code: 4503, reason: 'Server is restarting' },
  /** What this connection may do has changed (e.g. the document was archived): reconnect. */
  AccessChanged: { code: 4509, reason: 'Access changed; reconnect' },
} as const;

export type CloseCodeName = keyof typeof CloseCodes;

export function describeCloseCode(code: number): string | undefined {
  for (const entry of Object.values(CloseCodes)) if (entry.code === code) return entry.reason;
  return undefined;
}

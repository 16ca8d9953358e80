import { isValidId } from './ids.ts';

/** Path prefix of the sync endpoint: `ws(s)://host/sync/<workspace>/<document>`. */
export const SYNC_PATH_PREFIX = '/sync';

/** The reserved document id of a workspace's index (its document list and presence). */
export const INDEX_DOCUMENT_ID = '_index';

/** The reserved document id of a workspace's shared taxonomy (terms, kinds, merges). */
export const TAXONOMY_DOCUMENT_ID = '_taxonomy';

/** Workspace-level documents; ordinary document ids cannot start with "_", so these never clash. */
export const RESERVED_DOCUMENT_IDS: readonly string[] = [INDEX_DOCUMENT_ID, TAXONOMY_DOCUMENT_ID];

/** A text document's companion Yjs document holding its comment threads. */
export const THREADS_CHANNEL = 'threads';

export interface RoomAddress {
  workspaceId: string;
  documentId: string;
  /** Set for the document's comment threads (`<workspace>/<document>/threads`). */
  channel?: typeof THREADS_CHANNEL;
}

/** The y-websocket room name for a document: the provider appends it to `<origin>/sync/`. */
export function roomName(address: RoomAddress): string {
  const base = `${address.workspaceId}/${address.documentId}`;
  return address.channel ? `${base}/${address.channel}` : base;
}

/** The storage / in-memory key of a document. */
export function roomKey(address: RoomAddress): string {
  return roomName(address);
}

export type ParsedSyncPath = { ok: true; address: RoomAddress } | { ok: false; error: string; malformed?: boolean };

/** decodeURIComponent without its URIError: undefined for a malformed escape such as `%` or `%E0%A4%A`. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Parses `/sync/<workspace>/<document>[/threads]` (query string ignored) and validates the ids. */
export function parseSyncPath(url: string): ParsedSyncPath {
  const path = url.split('?')[0] ?? '';
  const parts = path.split('/');
  // ['', 'sync', ws, doc] or ['', 'sync', ws, doc, 'threads']
  const channel = parts[4];
  if (parts.length < 4 || parts.length > 5 || `/${parts[1]}` !== SYNC_PATH_PREFIX || (parts.length === 5 && channel !== THREADS_CHANNEL)) {
    return { ok: false, error: `expected ${SYNC_PATH_PREFIX}/<workspace>/<document>[/${THREADS_CHANNEL}]` };
  }
  const workspaceId = decodeSegment(parts[2] ?? '');
  const documentId = decodeSegment(parts[3] ?? '');
  if (workspaceId === undefined || documentId === undefined) return { ok: false, error: 'malformed escape in the path', malformed: true };
  if (!isValidId(workspaceId)) return { ok: false, error: 'invalid workspace id' };
  if (!RESERVED_DOCUMENT_IDS.includes(documentId) && !isValidId(documentId)) {
    return { ok: false, error: 'invalid document id' };
  }
  if (channel && RESERVED_DOCUMENT_IDS.includes(documentId)) return { ok: false, error: 'workspace documents have no threads' };
  return { ok: true, address: channel ? { workspaceId, documentId, channel: THREADS_CHANNEL } : { workspaceId, documentId } };
}

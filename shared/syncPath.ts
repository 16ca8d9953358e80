import { isValidId } from './ids.ts';

/** Path prefix of the sync endpoint: `ws(s)://host/sync/<workspace>/<document>`. */
export const SYNC_PATH_PREFIX = '/sync';

/** The reserved document id of a workspace's index (its document list and presence). */
export const INDEX_DOCUMENT_ID = '_index';

/** The reserved document id of a workspace's shared taxonomy (terms, kinds, merges). */
export const TAXONOMY_DOCUMENT_ID = '_taxonomy';

/** Workspace-level documents; ordinary document ids cannot start with "_", so these never clash. */
export const RESERVED_DOCUMENT_IDS: readonly string[] = [INDEX_DOCUMENT_ID, TAXONOMY_DOCUMENT_ID];

export interface RoomAddress {
  workspaceId: string;
  documentId: string;
}

/** The y-websocket room name for a document: the provider appends it to `<origin>/sync/`. */
export function roomName(address: RoomAddress): string {
  return `${address.workspaceId}/${address.documentId}`;
}

/** The storage / in-memory key of a document. */
export function roomKey(address: RoomAddress): string {
  return roomName(address);
}

export type ParsedSyncPath = { ok: true; address: RoomAddress } | { ok: false; error: string };

/** Parses `/sync/<workspace>/<document>` (query string ignored) and validates both ids. */
export function parseSyncPath(url: string): ParsedSyncPath {
  const path = url.split('?')[0] ?? '';
  const parts = path.split('/');
  // ['', 'sync', ws, doc]
  if (parts.length !== 4 || `/${parts[1]}` !== SYNC_PATH_PREFIX) {
    return { ok: false, error: `expected ${SYNC_PATH_PREFIX}/<workspace>/<document>` };
  }
  const workspaceId = decodeURIComponent(parts[2] ?? '');
  const documentId = decodeURIComponent(parts[3] ?? '');
  if (!isValidId(workspaceId)) return { ok: false, error: 'invalid workspace id' };
  if (!RESERVED_DOCUMENT_IDS.includes(documentId) && !isValidId(documentId)) {
    return { ok: false, error: 'invalid document id' };
  }
  return { ok: true, address: { workspaceId, documentId } };
}

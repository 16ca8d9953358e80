import type { IncomingMessage } from 'node:http';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { INDEX_DOCUMENT_ID, TAXONOMY_DOCUMENT_ID, type RoomAddress } from '../../shared/syncPath.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';

export type Access = 'read' | 'write';

/** Who a connection is. Anonymous until accounts land; the display name travels in awareness. */
export interface Principal {
  id: string;
  kind: 'anonymous';
}

export type AccessDecision =
  | { ok: true; principal: Principal; access: Access }
  | { ok: false; close: { code: number; reason: string } };

let anonymousCounter = 0;

/**
 * The single place where the server decides who a connection is and whether it may write.
 * Called at the websocket upgrade, before any document data is sent.
 *
 * Today: the workspace and document must exist; the workspace index is read-only for every
 * client (it changes through the API); the taxonomy is writable (a later role model gives it to
 * facilitators only); archived documents are read-only, and so are their tags, which live in the
 * same Yjs document as the text: whoever may not edit a document may not change its tags.
 */
export async function authorizeConnection(
  _request: IncomingMessage,
  address: RoomAddress,
  workspaces: WorkspaceService,
): Promise<AccessDecision> {
  const principal: Principal = { id: `anonymous-${++anonymousCounter}`, kind: 'anonymous' };
  const found = await workspaces.findDocument(address.workspaceId, address.documentId);
  if (!found) return { ok: false, close: CloseCodes.NotFound };
  if (address.documentId === INDEX_DOCUMENT_ID) return { ok: true, principal, access: 'read' };
  if (address.documentId === TAXONOMY_DOCUMENT_ID) return { ok: true, principal, access: 'write' };
  const { document } = found;
  if (!document) return { ok: false, close: CloseCodes.NotFound };
  // Threads follow the document for now; the commenter role (next issue) will open threads but not text.
  return { ok: true, principal, access: document.archived ? 'read' : 'write' };
}

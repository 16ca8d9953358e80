import type { IncomingMessage } from 'node:http';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { INDEX_DOCUMENT_ID, type RoomAddress } from '../../shared/syncPath.ts';
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
 * client (it changes through the API); archived documents are read-only; the rest is writable.
 */
export async function authorizeConnection(
  _request: IncomingMessage,
  address: RoomAddress,
  workspaces: WorkspaceService,
): Promise<AccessDecision> {
  const principal: Principal = { id: `anonymous-${++anonymousCounter}`, kind: 'anonymous' };
  const workspace = await workspaces.getWorkspace(address.workspaceId);
  if (!workspace) return { ok: false, close: CloseCodes.NotFound };
  if (address.documentId === INDEX_DOCUMENT_ID) return { ok: true, principal, access: 'read' };
  const document = workspace.documents.find((entry) => entry.id === address.documentId);
  if (!document) return { ok: false, close: CloseCodes.NotFound };
  return { ok: true, principal, access: document.archived ? 'read' : 'write' };
}

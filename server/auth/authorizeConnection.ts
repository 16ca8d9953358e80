import type { IncomingMessage } from 'node:http';
import { roomAccess, type RoomAccess } from '../../shared/access/permissions.ts';
import type { Role } from '../../shared/access/roles.ts';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { INDEX_DOCUMENT_ID, TAXONOMY_DOCUMENT_ID, type RoomAddress } from '../../shared/syncPath.ts';
import type { AccessService } from '../access/AccessService.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { credentialOf } from './credentialOf.ts';

export type Access = RoomAccess;

/** Who a connection is: a member of the workspace it opened, with their role at connection time. */
export interface Principal {
  memberId: string;
  /** The member record's name: what others see on their presence and what their records must say. */
  name: string;
  workspaceId: string;
  role: Role;
}

export type AccessDecision =
  | { ok: true; principal: Principal; access: Access }
  | { ok: false; close: { code: number; reason: string } };

/**
 * The single place where the server decides who a connection is and what it may do in its room.
 * Called at the websocket upgrade, before the upgrade completes, so nothing is sent (or buffered)
 * for an unauthenticated client. The session token comes as the `token` URL parameter (what the
 * stock y-websocket provider can send) or an `Authorization: Bearer` header; what the role allows
 * is `roomAccess` (shared/access/permissions.ts). Refusals: 4401 for missing, forged or expired
 * credentials, 4403 for a removed member or another workspace, 4404 for a room that does not exist.
 */
export async function authorizeConnection(
  request: IncomingMessage,
  address: RoomAddress,
  deps: { workspaces: WorkspaceService; access: AccessService },
): Promise<AccessDecision> {
  const authentication = await deps.access.authenticate(credentialOf(request), address.workspaceId);
  if (!authentication.ok) {
    const { status } = authentication.failure;
    return { ok: false, close: status === 401 ? CloseCodes.Unauthorized : CloseCodes.Forbidden };
  }
  const { member } = authentication;
  const principal: Principal = { memberId: member.id, name: member.name, workspaceId: member.workspaceId, role: member.role };
  const found = await deps.workspaces.findDocument(address.workspaceId, address.documentId);
  if (!found) return { ok: false, close: CloseCodes.NotFound };
  const special = address.documentId === INDEX_DOCUMENT_ID || address.documentId === TAXONOMY_DOCUMENT_ID;
  if (!special && !found.document) return { ok: false, close: CloseCodes.NotFound };
  return { ok: true, principal, access: roomAccess(member.role, address, { archived: found.document?.archived }) };
}

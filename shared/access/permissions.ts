import { INDEX_DOCUMENT_ID, TAXONOMY_DOCUMENT_ID, type RoomAddress } from '../syncPath.ts';
import { atLeast, type Role } from './roles.ts';

/**
 * The access rules of a workspace, in one place. The server enforces them (at the websocket upgrade
 * and on every API call); the client reads the same rules only to hide what would be refused.
 */
export type Action =
  | 'document.create'
  | 'document.rename'
  | 'document.archive'
  | 'document.import'
  | 'taxonomy.manage'
  | 'members.manage'
  | 'thread.write'
  | 'thread.resolveAny'
  | 'text.edit';

const MINIMUM_ROLE: Record<Action, Role> = {
  'thread.write': 'commenter',
  'text.edit': 'editor',
  'document.create': 'editor',
  'document.rename': 'editor',
  'document.import': 'editor',
  'document.archive': 'facilitator',
  'taxonomy.manage': 'facilitator',
  'members.manage': 'facilitator',
  'thread.resolveAny': 'facilitator',
};

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(MINIMUM_ROLE, value);
}

export function can(role: Role, action: Action): boolean {
  return atLeast(role, MINIMUM_ROLE[action]);
}

export type RoomAccess = 'read' | 'write';

/**
 * What a member may do in one sync room. Text and tags share a document (whoever may not edit the
 * text may not change its tags); threads live in a companion room; archived documents and their
 * threads are read-only for everyone; the document list changes only through the API.
 */
export function roomAccess(role: Role, address: RoomAddress, options: { archived?: boolean } = {}): RoomAccess {
  if (address.documentId === INDEX_DOCUMENT_ID) return 'read';
  if (address.documentId === TAXONOMY_DOCUMENT_ID) return can(role, 'taxonomy.manage') ? 'write' : 'read';
  if (options.archived) return 'read';
  if (address.channel === 'threads') return can(role, 'thread.write') ? 'write' : 'read';
  return can(role, 'text.edit') ? 'write' : 'read';
}

/**
 * Whether `actor` may give `target` role to someone (invite, or change a member's role) or remove a
 * member who has `target`: facilitators manage up to facilitators, only owners touch owners.
 */
export function canManageRole(actor: Role, target: Role): boolean {
  if (!can(actor, 'members.manage')) return false;
  return actor === 'owner' || target !== 'owner';
}

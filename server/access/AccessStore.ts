import type { Role } from '../../shared/access/roles.ts';

/** A person admitted to a workspace, with the role that decides what they may do there. */
export interface MemberRecord {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  createdAt: number;
  /** Set when the member was removed; their sessions stop working at once. Nothing is deleted. */
  removedAt: number | null;
  /** The invite they joined with (null for members added by an administrator). */
  inviteId: string | null;
}

/** An invite link's record: the token carries only its id, so revoking it here is enough. */
export interface InviteRecord {
  id: string;
  workspaceId: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  /** Member id of who made it, or `admin` (CLI) / `first-start`. */
  createdBy: string;
  /** How many people have joined with it. */
  uses: number;
  /** Null: anyone holding the link may join until it expires. */
  maxUses: number | null;
}

export type RedeemOutcome = 'joined' | 'missing' | 'revoked' | 'expired' | 'used-up';

/**
 * Members and invites. Implementations: SqliteAccessStore (embedded, default). Kept apart from the
 * document store so that the admin CLI can change access while the server runs or is stopped.
 */
export interface AccessStore {
  createInvite(invite: InviteRecord): Promise<void>;
  getInvite(id: string): Promise<InviteRecord | undefined>;
  listInvites(workspaceId: string): Promise<InviteRecord[]>;
  /** False when there is no such invite or it was already revoked. */
  revokeInvite(id: string, at: number): Promise<boolean>;
  /** Checks the invite and adds the member in one transaction. */
  redeemInvite(inviteId: string, member: MemberRecord, now: number): Promise<RedeemOutcome>;
  addMember(member: MemberRecord): Promise<void>;
  getMember(id: string): Promise<MemberRecord | undefined>;
  /** Current members (removed ones too when asked). */
  listMembers(workspaceId: string, options?: { includeRemoved?: boolean }): Promise<MemberRecord[]>;
  setRole(memberId: string, role: Role): Promise<boolean>;
  /** A member's new display name (what their presence, comments and tags show from now on). */
  setName(memberId: string, name: string): Promise<boolean>;
  removeMember(memberId: string, at: number): Promise<boolean>;
  /**
   * A number that changes whenever another process (the admin CLI) changed members or invites, so a
   * running server can apply those changes to open connections at once.
   */
  externalChangeMarker(): Promise<number>;
  close(): Promise<void>;
}

import crypto from 'node:crypto';
import type { Role } from '../../shared/access/roles.ts';
import { AccessTokens } from './AccessTokens.ts';
import type { AccessStore, InviteRecord, MemberRecord } from './AccessStore.ts';
import { SqliteAccessStore } from './SqliteAccessStore.ts';
import { loadServerSecret } from './serverSecret.ts';

export interface AuthFailure {
  /** 401: who you are is unknown (no, forged or expired credentials); 403: known, but not allowed. */
  status: 401 | 403;
  error: string;
}

export type Authentication = { ok: true; member: MemberRecord } | { ok: false; failure: AuthFailure };
export type InviteCheck = { ok: true; invite: InviteRecord } | { ok: false; failure: AuthFailure };

export const AuthFailures = {
  missing: { status: 401, error: 'Sign-in required: open the invite link you were sent' },
  invalid: { status: 401, error: 'This sign-in is not valid: open your invite link again' },
  expired: { status: 401, error: 'Your session has expired: ask for a new invite link' },
  removed: { status: 403, error: 'You are no longer a member of this workspace' },
  otherWorkspace: { status: 403, error: 'You are not a member of this workspace' },
  inviteInvalid: { status: 401, error: 'This invite link is not valid' },
  inviteExpired: { status: 403, error: 'This invite link has expired: ask for a new one' },
  inviteRevoked: { status: 403, error: 'This invite link was withdrawn: ask for a new one' },
  inviteUsedUp: { status: 403, error: 'This invite link has already been used' },
} as const satisfies Record<string, AuthFailure>;

export interface AccessOptions {
  sessionTtlMs: number;
  now?: () => number;
}

function newId(prefix: string): string {
  return `${prefix}${crypto.randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').toLowerCase()}`;
}

/**
 * Who may enter which workspace, with which role: invites, members, sessions. The server asks it
 * about every websocket upgrade and API call; the admin CLI uses it on the same data directory.
 * Listeners hear of changes to existing members, including those made by another process (see `watch`).
 */
export class AccessService {
  private readonly listeners = new Set<() => void>();
  private watchTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(
    readonly store: AccessStore,
    private readonly tokens: AccessTokens,
    private readonly options: AccessOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The embedded store and the key in `dataDir` (both created on first use). */
  static open(dataDir: string, options: AccessOptions): AccessService {
    return new AccessService(SqliteAccessStore.open(dataDir), new AccessTokens(loadServerSecret(dataDir)), options);
  }

  async createInvite(request: {
    workspaceId: string;
    role: Role;
    expiresInMs: number;
    createdBy: string;
    maxUses?: number | null;
  }): Promise<{ invite: InviteRecord; token: string }> {
    const now = this.now();
    const invite: InviteRecord = {
      id: newId('i'),
      workspaceId: request.workspaceId,
      role: request.role,
      createdAt: now,
      expiresAt: now + request.expiresInMs,
      revokedAt: null,
      createdBy: request.createdBy,
      uses: 0,
      maxUses: request.maxUses ?? null,
    };
    await this.store.createInvite(invite);
    return { invite, token: await this.tokens.signInvite(invite.id, invite.workspaceId, invite.expiresAt) };
  }

  /** A fresh token for an existing invite (same id and expiry): what the admin CLI prints again. */
  signInvite(invite: InviteRecord): Promise<string> {
    return this.tokens.signInvite(invite.id, invite.workspaceId, invite.expiresAt);
  }

  /** What an invite link offers, before anyone joins with it. */
  async inspectInvite(token: string): Promise<InviteCheck> {
    const checked = await this.tokens.verifyInvite(token);
    if (!checked.ok) return { ok: false, failure: checked.reason === 'expired' ? AuthFailures.inviteExpired : AuthFailures.inviteInvalid };
    const invite = await this.store.getInvite(checked.claims.inviteId);
    if (!invite || invite.workspaceId !== checked.claims.workspaceId) return { ok: false, failure: AuthFailures.inviteInvalid };
    if (invite.revokedAt !== null) return { ok: false, failure: AuthFailures.inviteRevoked };
    if (invite.expiresAt <= this.now()) return { ok: false, failure: AuthFailures.inviteExpired };
    if (invite.maxUses !== null && invite.uses >= invite.maxUses) return { ok: false, failure: AuthFailures.inviteUsedUp };
    return { ok: true, invite };
  }

  /** Joins the invite's workspace under `name`; answers the new member and their session token. */
  async redeemInvite(
    token: string,
    name: string,
  ): Promise<{ ok: true; member: MemberRecord; session: string } | { ok: false; failure: AuthFailure }> {
    const checked = await this.inspectInvite(token);
    if (!checked.ok) return checked;
    const { invite } = checked;
    const member = this.newMember(invite.workspaceId, name, invite.role, invite.id);
    const outcome = await this.store.redeemInvite(invite.id, member, this.now());
    if (outcome !== 'joined') {
      const failure = { missing: AuthFailures.inviteInvalid, revoked: AuthFailures.inviteRevoked, expired: AuthFailures.inviteExpired, 'used-up': AuthFailures.inviteUsedUp }[outcome];
      return { ok: false, failure };
    }
    return { ok: true, member, session: await this.issueSession(member) };
  }

  /** Adds a member directly (administrators, tests); no invite involved. */
  async addMember(workspaceId: string, name: string, role: Role): Promise<MemberRecord> {
    const member = this.newMember(workspaceId, name, role, null);
    await this.store.addMember(member);
    return member;
  }

  issueSession(member: MemberRecord): Promise<string> {
    return this.tokens.signSession(member.id, member.workspaceId, this.now() + this.options.sessionTtlMs);
  }

  /** Checks a session token (and, when given, that it belongs to `workspaceId`). */
  async authenticate(token: string | undefined, workspaceId?: string): Promise<Authentication> {
    if (!token) return { ok: false, failure: AuthFailures.missing };
    const checked = await this.tokens.verifySession(token);
    if (!checked.ok) return { ok: false, failure: checked.reason === 'expired' ? AuthFailures.expired : AuthFailures.invalid };
    const member = await this.store.getMember(checked.claims.memberId);
    if (!member || member.workspaceId !== checked.claims.workspaceId) return { ok: false, failure: AuthFailures.invalid };
    if (member.removedAt !== null) return { ok: false, failure: AuthFailures.removed };
    if (workspaceId !== undefined && member.workspaceId !== workspaceId) return { ok: false, failure: AuthFailures.otherWorkspace };
    return { ok: true, member };
  }

  listMembers(workspaceId: string): Promise<MemberRecord[]> {
    return this.store.listMembers(workspaceId);
  }

  listInvites(workspaceId: string): Promise<InviteRecord[]> {
    return this.store.listInvites(workspaceId);
  }

  async setRole(memberId: string, role: Role): Promise<boolean> {
    const changed = await this.store.setRole(memberId, role);
    if (changed) this.notify();
    return changed;
  }

  /** Renames a member; their open connections reconnect so that what they write is checked against the new name. */
  async rename(memberId: string, name: string): Promise<boolean> {
    const changed = await this.store.setName(memberId, name);
    if (changed) this.notify();
    return changed;
  }

  async removeMember(memberId: string): Promise<boolean> {
    const removed = await this.store.removeMember(memberId, this.now());
    if (removed) this.notify();
    return removed;
  }

  async revokeInvite(inviteId: string): Promise<boolean> {
    return this.store.revokeInvite(inviteId, this.now());
  }

  /**
   * Called after a member's role changes or a member is removed, in this process, or after any change
   * committed by another process (seen by `watch`): what open connections may do must be reviewed.
   * New invites and new members change nothing for existing connections, so they do not call it.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Polls the store for changes committed by other processes (the admin CLI). */
  watch(intervalMs: number): void {
    let marker: number | undefined;
    const poll = async () => {
      const next = await this.store.externalChangeMarker();
      if (marker !== undefined && next !== marker) this.notify();
      marker = next;
    };
    void poll();
    this.watchTimer = setInterval(() => void poll().catch(() => undefined), intervalMs);
    this.watchTimer.unref();
  }

  async close(): Promise<void> {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.listeners.clear();
    await this.store.close();
  }

  private newMember(workspaceId: string, name: string, role: Role, inviteId: string | null): MemberRecord {
    return { id: newId('m'), workspaceId, name, role, createdAt: this.now(), removedAt: null, inviteId };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

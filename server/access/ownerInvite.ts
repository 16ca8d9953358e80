import type { AccessService } from './AccessService.ts';

export const FIRST_START = 'first-start';

/**
 * While a workspace has no owner, the link that makes its first one: single use, printed at start
 * (like a notebook server's token URL). The same invite is re-signed on later starts until it is
 * used or expires, then a new one is made. Undefined once the workspace has an owner.
 */
export async function ownerInviteToken(access: AccessService, workspaceId: string, ttlMs: number, now = Date.now()): Promise<string | undefined> {
  const members = await access.listMembers(workspaceId);
  if (members.some((member) => member.role === 'owner')) return undefined;
  const pending = (await access.listInvites(workspaceId)).find(
    (invite) => invite.createdBy === FIRST_START && invite.role === 'owner' && invite.revokedAt === null && invite.uses === 0 && invite.expiresAt > now + 60_000,
  );
  if (pending) return access.signInvite(pending);
  const { token } = await access.createInvite({ workspaceId, role: 'owner', expiresInMs: ttlMs, createdBy: FIRST_START, maxUses: 1 });
  return token;
}

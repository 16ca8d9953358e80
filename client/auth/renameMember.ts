import type { SessionResponse } from '../../shared/access/accessApi.ts';
import { apiRequest } from '../api/apiRequest.ts';
import { readSessions, updateSessionMember } from './sessionStorage.ts';

/**
 * Gives every workspace this browser has joined our new name: the server keeps it with the member,
 * and it is what others see on our presence and what our comments and tags must say from now on
 * (our open connections reconnect under it). A workspace that cannot be reached keeps the old name.
 */
export async function renameMember(name: string): Promise<void> {
  await Promise.all(
    Object.entries(readSessions()).map(async ([workspaceId, session]) => {
      if (session.memberName === name) return;
      try {
        const { member } = await apiRequest<SessionResponse>('PATCH', '/api/session', { name }, { workspaceId });
        updateSessionMember(workspaceId, member);
      } catch {
        // offline, or no longer a member: the name there stays as it was
      }
    }),
  );
}

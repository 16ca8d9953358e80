import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionResponse } from '../../shared/access/accessApi.ts';
import type { Role } from '../../shared/access/roles.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { apiRequest } from '../api/apiRequest.ts';
import { onAccessChange } from './accessEvents.ts';
import { readSessions, subscribeSessions, updateSessionMember } from './sessionStorage.ts';

export type Membership =
  /** This browser never joined the workspace. */
  | { state: 'signed-out' }
  /** Joined; `role` is the server's latest word (or the stored one while offline). */
  | { state: 'member'; memberId: string; role: Role; name?: string }
  /** The server no longer accepts our session (removed, expired, revoked). */
  | { state: 'refused'; error: string; status: number };

const RECHECK_MS = 60_000;

/**
 * Our membership of a workspace. The stored session answers at once (the app works offline); the
 * server is asked again on start, when a connection reports that access changed, when the tab
 * regains focus and every minute, so a new role shows without a reload.
 */
export function useMembership(workspaceId: string): Membership {
  const sessions = useSyncExternalStore(subscribeSessions, readSessions);
  const session = sessions[workspaceId];
  const token = session?.token;
  const [checked, setChecked] = useState<{ token: string; result: Membership } | null>(null);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    const check = () => {
      apiRequest<SessionResponse>('GET', '/api/session', undefined, { workspaceId })
        .then(({ member }) => {
          if (cancelled) return;
          updateSessionMember(workspaceId, member);
          setChecked({ token, result: { state: 'member', memberId: member.id, role: member.role, name: member.name } });
        })
        .catch((error: unknown) => {
          if (cancelled || !(error instanceof ApiRequestError)) return;
          if (error.status === 401 || error.status === 403) {
            setChecked({ token, result: { state: 'refused', error: error.message, status: error.status } });
          }
          // network errors: keep what we know (offline editing goes on)
        });
    };
    check();
    const timer = setInterval(check, RECHECK_MS);
    const stop = onAccessChange(workspaceId, check);
    window.addEventListener('focus', check);
    return () => {
      cancelled = true;
      clearInterval(timer);
      stop();
      window.removeEventListener('focus', check);
    };
  }, [workspaceId, token]);

  if (!session) return { state: 'signed-out' };
  if (checked && checked.token === session.token && checked.result.state === 'refused') return checked.result;
  return { state: 'member', memberId: session.memberId, role: session.role, ...(session.memberName ? { name: session.memberName } : {}) };
}

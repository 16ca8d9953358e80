import type { Role } from '../../shared/access/roles.ts';
import { subscribeStorageKey } from '../identity/subscribeStorageKey.ts';

/** What this browser keeps of a workspace it joined: the session token and who it made us. */
export interface StoredSession {
  token: string;
  memberId: string;
  /** The member record's name: what the server expects our comments and tags to say (absent in sessions stored before it was kept). */
  memberName?: string;
  role: Role;
  workspaceName: string;
}

const KEY = 'normspace:sessions';
const listeners = new Set<() => void>();
let memory: string | null = null;
let cached: { raw: string | null; sessions: Record<string, StoredSession> } | undefined;

function readRaw(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return memory;
  }
}

/** Every stored session by workspace id; the same object until something changes. */
export function readSessions(): Record<string, StoredSession> {
  const raw = readRaw();
  if (cached?.raw !== raw) {
    let sessions: Record<string, StoredSession> = {};
    try {
      const parsed = raw ? (JSON.parse(raw) as unknown) : {};
      if (parsed && typeof parsed === 'object') sessions = parsed as Record<string, StoredSession>;
    } catch {
      sessions = {};
    }
    cached = { raw, sessions };
  }
  return cached.sessions;
}

export function readSession(workspaceId: string): StoredSession | undefined {
  const session = readSessions()[workspaceId];
  return session && typeof session.token === 'string' ? session : undefined;
}

function write(sessions: Record<string, StoredSession>): void {
  const raw = JSON.stringify(sessions);
  try {
    localStorage.setItem(KEY, raw);
  } catch {
    memory = raw;
  }
  for (const listener of listeners) listener();
}

export function writeSession(workspaceId: string, session: StoredSession): void {
  write({ ...readSessions(), [workspaceId]: session });
}

/** Updates what we know of our role and name (the server is the authority; this only drives the UI). */
export function updateSessionMember(workspaceId: string, member: { role: Role; name: string }): void {
  const session = readSession(workspaceId);
  if (session && (session.role !== member.role || session.memberName !== member.name)) {
    writeSession(workspaceId, { ...session, role: member.role, memberName: member.name });
  }
}

export function forgetSession(workspaceId: string): void {
  const { [workspaceId]: _gone, ...rest } = readSessions();
  write(rest);
}

export function subscribeSessions(listener: () => void): () => void {
  return subscribeStorageKey(KEY, listeners, listener);
}

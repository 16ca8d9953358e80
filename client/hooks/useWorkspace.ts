import { createContext, useContext } from 'react';
import type { Role } from '../../shared/access/roles.ts';
import type { Member } from '../../shared/comments/threadsDoc.ts';
import type { WorkspaceThreads } from '../comments/WorkspaceThreads.ts';
import type { Room } from '../sync/openRoom.ts';

export interface WorkspaceContextValue {
  workspaceId: string;
  /** The workspace's index room: document list and who is where. */
  index: Room;
  /** Every live document's comment threads, opened once for the workspace (bell, facilitator view). */
  threads: WorkspaceThreads;
  /** Our role here (the server enforces it; the UI hides what it would refuse). */
  role: Role;
  /** Our member id in this workspace. */
  memberId: string;
  /**
   * Who our comments, thread events and tags say wrote them: the member record's id and name (the
   * server refuses anything else) and our colour. Undefined until the member's name is known (a
   * session stored before names were kept, not yet checked online): writing waits for it.
   */
  me: Member | undefined;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

/** The open workspace; only inside `WorkspaceShell`. */
export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace must be used inside WorkspaceShell');
  return value;
}

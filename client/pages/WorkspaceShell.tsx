import { useEffect, useMemo, type ReactNode } from 'react';
import type { Role } from '../../shared/access/roles.ts';
import { INDEX_DOCUMENT_ID } from '../../shared/syncPath.ts';
import { useMembership } from '../auth/useMembership.ts';
import { WorkspaceThreads } from '../comments/WorkspaceThreads.ts';
import { useIdentity } from '../hooks/useIdentity.ts';
import { useRoom } from '../hooks/useRoom.ts';
import { WorkspaceContext } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import type { Room } from '../sync/openRoom.ts';
import { writeLastWorkspace } from '../identity/lastWorkspace.ts';
import { MissingPage } from './MissingPage.tsx';

interface Props {
  workspaceId: string;
  /** The document open in this tab, announced to the workspace. */
  documentId?: string;
  children: ReactNode;
}

/**
 * The gate of a workspace: only a browser that joined it (with an invite link) gets in, and only
 * while the server accepts its session; our role is passed down to every page.
 */
export function WorkspaceShell(props: Props) {
  const membership = useMembership(props.workspaceId);
  if (membership.state === 'signed-out') {
    return (
      <MissingPage
        title="You have not joined this workspace"
        text="Workspaces are open to invited people only. Open the invite link you were sent, in this browser, to join."
      />
    );
  }
  if (membership.state === 'refused') return <MissingPage title="No access to this workspace" text={`${membership.error}.`} />;
  return <WorkspaceRooms {...props} role={membership.role} memberId={membership.memberId} memberName={membership.name} />;
}

/**
 * Keeps the workspace's index room open across its pages and tells everyone in the workspace who
 * you are and which document you have open (awareness on the index document). It also keeps every
 * live document's threads room open, once for the workspace rather than once per page, for the
 * notification bell and the facilitator view.
 */
function WorkspaceRooms({ workspaceId, documentId, children, role, memberId, memberName }: Props & { role: Role; memberId: string; memberName: string | undefined }) {
  const index = useRoom({ workspaceId, documentId: INDEX_DOCUMENT_ID });
  const [identity] = useIdentity();

  useEffect(() => writeLastWorkspace(workspaceId), [workspaceId]);

  useEffect(() => {
    if (!index) return;
    index.provider.awareness.setLocalState(identity ? { user: { ...identity }, ...(documentId ? { documentId } : {}) } : null);
  }, [index, identity, documentId]);

  const threads = useMemo(() => new WorkspaceThreads(workspaceId), [workspaceId]);
  useEffect(() => () => threads.destroy(), [threads]);

  const color = identity?.color;
  const me = useMemo(() => (memberName && color ? { id: memberId, name: memberName, color } : undefined), [memberId, memberName, color]);
  const value = useMemo(
    () => (index ? { workspaceId, index, threads, role, memberId, me } : null),
    [workspaceId, index, threads, role, memberId, me],
  );
  if (!value) return null;
  return (
    <WorkspaceContext.Provider value={value}>
      <FollowDocuments index={value.index} workspaceId={workspaceId} threads={threads} />
      {children}
    </WorkspaceContext.Provider>
  );
}

/** Keeps the threads feed on the workspace's live (non-archived) documents. */
function FollowDocuments({ index, workspaceId, threads }: { index: Room; workspaceId: string; threads: WorkspaceThreads }) {
  const { documents } = useWorkspaceIndex(index.doc, workspaceId);
  const key = documents
    .filter((d) => !d.archived)
    .map((d) => d.id)
    .join(' ');
  useEffect(() => {
    threads.setDocuments(key ? key.split(' ') : []);
  }, [threads, key]);
  return null;
}

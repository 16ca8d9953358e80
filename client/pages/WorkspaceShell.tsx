import { useEffect, useMemo, type ReactNode } from 'react';
import { INDEX_DOCUMENT_ID } from '../../shared/syncPath.ts';
import { useIdentity } from '../hooks/useIdentity.ts';
import { useRoom } from '../hooks/useRoom.ts';
import { WorkspaceContext } from '../hooks/useWorkspace.ts';
import { writeLastWorkspace } from '../identity/lastWorkspace.ts';

interface Props {
  workspaceId: string;
  /** The document open in this tab, announced to the workspace. */
  documentId?: string;
  children: ReactNode;
}

/**
 * Keeps the workspace's index room open across its pages and tells everyone in the workspace who
 * you are and which document you have open (awareness on the index document).
 */
export function WorkspaceShell({ workspaceId, documentId, children }: Props) {
  const index = useRoom({ workspaceId, documentId: INDEX_DOCUMENT_ID });
  const [identity] = useIdentity();

  useEffect(() => writeLastWorkspace(workspaceId), [workspaceId]);

  useEffect(() => {
    if (!index) return;
    index.provider.awareness.setLocalState(identity ? { user: { ...identity }, ...(documentId ? { documentId } : {}) } : null);
  }, [index, identity, documentId]);

  const value = useMemo(() => (index ? { workspaceId, index } : null), [workspaceId, index]);
  if (!value) return null;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

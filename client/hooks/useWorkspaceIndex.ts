import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readDocuments, readWorkspaceMeta, type DocumentMeta, type WorkspaceMeta } from '../../shared/workspaceIndex.ts';

export interface WorkspaceIndex {
  workspace: WorkspaceMeta | undefined;
  /** Most recently updated first, archived included. */
  documents: DocumentMeta[];
}

/** The workspace name and document list, live from the index document. */
export function useWorkspaceIndex(index: Y.Doc, workspaceId: string): WorkspaceIndex {
  const store = useMemo(() => {
    const read = (): WorkspaceIndex => ({ workspace: readWorkspaceMeta(index, workspaceId), documents: readDocuments(index) });
    let snapshot = read();
    return {
      subscribe(listener: () => void) {
        const onUpdate = () => {
          snapshot = read();
          listener();
        };
        index.on('update', onUpdate);
        return () => index.off('update', onUpdate);
      },
      getSnapshot: () => snapshot,
    };
  }, [index, workspaceId]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

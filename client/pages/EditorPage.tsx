import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { DocumentPresence } from '../components/DocumentPresence.tsx';
import { Link } from '../components/Link.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useRoom } from '../hooks/useRoom.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import { workspacePath } from '../router/matchRoute.ts';
import { DocumentView } from './DocumentView.tsx';

/** `/w/<workspace>/d/<document>`: one document, its people and its save state. */
export function EditorPage({ documentId }: { documentId: string }) {
  const { workspaceId, index } = useWorkspace();
  const room = useRoom({ workspaceId, documentId });
  const { workspace, documents } = useWorkspaceIndex(index.doc, workspaceId);
  const meta = documents.find((document) => document.id === documentId);
  useDocumentTitle(meta?.title ?? 'Document');

  return (
    <>
      <AppHeader
        homeHref={workspacePath(workspaceId)}
        trail={
          <Link href={workspacePath(workspaceId)} className="trail-item trail-item--link">
            <span aria-hidden="true">← </span>
            {workspace?.name ?? workspaceId}
          </Link>
        }
      >
        {room && <ConnectionStatus store={room.status} />}
        {room && <DocumentPresence room={room} />}
      </AppHeader>
      <main id="main" tabIndex={-1} className="editor-layout">
        {room && <DocumentView workspaceId={workspaceId} room={room} meta={meta} />}
      </main>
    </>
  );
}

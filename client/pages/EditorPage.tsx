import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { AnalysisDock } from '../analysis/AnalysisDock.tsx';
import { NotificationBell } from '../comments/NotificationBell.tsx';
import { AnalysisSidebar } from '../components/AnalysisSidebar.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { DocumentPresence } from '../components/DocumentPresence.tsx';
import { WorkspaceTrailLink } from '../components/WorkspaceTrailLink.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useRefusal } from '../hooks/useRefusal.ts';
import { useRoom } from '../hooks/useRoom.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import { workspacePath } from '../router/matchRoute.ts';
import type { Room } from '../sync/openRoom.ts';
import { TransferButtons } from '../transfer/TransferButtons.tsx';
import { DocumentView } from './DocumentView.tsx';

/** `/w/<workspace>/d/<document>`: one document, its people and its save state, and the analysis beside it. */
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
        trail={<WorkspaceTrailLink workspaceId={workspaceId} name={workspace?.name} />}
      >
        {room && <ConnectionStatus store={room.status} />}
        {room && <DocumentPresence room={room} />}
        <TransferButtons workspaceId={workspaceId} documents={documents} documentId={documentId} />
        <NotificationBell />
      </AppHeader>
      <div className="editor-page">
        <main id="main" tabIndex={-1} className="editor-layout">
          {room && <DocumentView workspaceId={workspaceId} documentId={documentId} room={room} meta={meta} />}
        </main>
        {room && <Analysis workspaceId={workspaceId} documentId={documentId} room={room} documents={documents} />}
      </div>
    </>
  );
}

interface AnalysisProps {
  workspaceId: string;
  documentId: string;
  room: Room;
  documents: DocumentMeta[];
}

/** The analysis sidebar, unless the server refused the document. */
function Analysis({ workspaceId, documentId, room, documents }: AnalysisProps) {
  const refusal = useRefusal(room.status);
  if (refusal) return null;
  return (
    <AnalysisDock workspaceId={workspaceId}>
      <AnalysisSidebar workspaceId={workspaceId} documentId={documentId} room={room} documents={documents} />
    </AnalysisDock>
  );
}

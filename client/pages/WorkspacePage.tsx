import { can } from '../../shared/access/permissions.ts';
import { ROLE_LABELS, ROLE_SUMMARIES } from '../../shared/access/roles.ts';
import { NotificationBell } from '../comments/NotificationBell.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { DocumentList } from '../components/DocumentList.tsx';
import { Link } from '../components/Link.tsx';
import { NewDocumentForm } from '../components/NewDocumentForm.tsx';
import { WorkspacePresence } from '../components/WorkspacePresence.tsx';
import { TransferButtons } from '../transfer/TransferButtons.tsx';
import { useAwarenessPeers } from '../hooks/useAwarenessPeers.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useRefusal } from '../hooks/useRefusal.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import { facilitatorPath, membersPath, taxonomyPath, workspacePath } from '../router/matchRoute.ts';
import { MissingPage } from './MissingPage.tsx';

/** `/w/<workspace>`: the live document list, a form for new documents and who is here. */
export function WorkspacePage() {
  const { workspaceId, index, role } = useWorkspace();
  const { workspace, documents } = useWorkspaceIndex(index.doc, workspaceId);
  const peers = useAwarenessPeers(index.provider.awareness);
  const refusal = useRefusal(index.status);
  const name = workspace?.name ?? workspaceId;
  useDocumentTitle(name);

  if (refusal && !workspace) {
    return <MissingPage title="This workspace does not exist" text={`There is no workspace called “${workspaceId}” on this server.`} />;
  }

  return (
    <>
      <AppHeader homeHref={workspacePath(workspaceId)} trail={<span className="trail-item" aria-current="page">{name}</span>}>
        <NotificationBell />
        <ConnectionStatus store={index.status} readOnly />
      </AppHeader>
      <main id="main" tabIndex={-1} className="workspace-layout">
        <div className="workspace-main">
          <div className="workspace-title">
            <h1 className="page-title">{name}</h1>
            <Link href={taxonomyPath(workspaceId)} className="button">
              Taxonomy
            </Link>
            <Link href={facilitatorPath(workspaceId)} className="button">
              Facilitator view
            </Link>
            <Link href={membersPath(workspaceId)} className="button">
              Members
            </Link>
            <TransferButtons workspaceId={workspaceId} documents={documents} canImport={can(role, 'document.import')} />
          </div>
          {can(role, 'document.create') ? (
            <NewDocumentForm workspaceId={workspaceId} />
          ) : (
            <p className="role-note">
              Your role here is <strong>{ROLE_LABELS[role].toLowerCase()}</strong>. {ROLE_SUMMARIES[role]}
            </p>
          )}
          <DocumentList workspaceId={workspaceId} documents={documents} peers={peers} loading={!workspace} />
        </div>
        <WorkspacePresence workspaceId={workspaceId} peers={peers} documents={documents} />
      </main>
    </>
  );
}

import { readSessions } from './auth/sessionStorage.ts';
import { IdentityDialog } from './components/IdentityDialog.tsx';
import { useIdentity } from './hooks/useIdentity.ts';
import { useRoute } from './hooks/useRoute.ts';
import { FacilitatorPage } from './pages/FacilitatorPage.tsx';
import { InvitePage } from './pages/InvitePage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { EditorPage } from './pages/EditorPage.tsx';
import { MissingPage } from './pages/MissingPage.tsx';
import { RootRedirect } from './pages/RootRedirect.tsx';
import { TaxonomyPage } from './pages/TaxonomyPage.tsx';
import { WorkspacePage } from './pages/WorkspacePage.tsx';
import { WorkspaceShell } from './pages/WorkspaceShell.tsx';

/** Routes to a page; asks for a display name on the first visit. */
export function App() {
  const route = useRoute();
  const [identity, setIdentity] = useIdentity();

  let page;
  switch (route.name) {
    case 'root':
      page = <RootRedirect />;
      break;
    case 'invite':
      page = <InvitePage />;
      break;
    case 'workspace':
    case 'document':
    case 'taxonomy':
    case 'facilitator':
    case 'members':
      page = (
        <WorkspaceShell
          key={route.workspaceId}
          workspaceId={route.workspaceId}
          documentId={route.name === 'document' ? route.documentId : undefined}
        >
          {route.name === 'document' ? (
            <EditorPage key={route.documentId} documentId={route.documentId} />
          ) : route.name === 'taxonomy' ? (
            <TaxonomyPage />
          ) : route.name === 'facilitator' ? (
            <FacilitatorPage />
          ) : route.name === 'members' ? (
            <MembersPage />
          ) : (
            <WorkspacePage />
          )}
        </WorkspaceShell>
      );
      break;
    case 'not-found':
      page = <MissingPage title="Page not found" text="This address does not lead to a workspace or a document." />;
      break;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      {page}
      {!identity && route.name !== 'invite' && Object.keys(readSessions()).length > 0 && <IdentityDialog identity={null} onSave={setIdentity} />}
    </>
  );
}

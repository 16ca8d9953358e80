import { useEffect } from 'react';
import { normspaceApi } from '../api/normspaceApi.ts';
import { readLastWorkspace } from '../identity/lastWorkspace.ts';
import { workspacePath } from '../router/matchRoute.ts';
import { navigate } from '../router/navigate.ts';

const DEFAULT_WORKSPACE = 'bpf-cybersecurity';

/** `/`: opens the Best Practice Forum workspace, else the first one, else (offline) the last one visited. */
export function RootRedirect() {
  useEffect(() => {
    let cancelled = false;
    normspaceApi
      .listWorkspaces()
      .then(({ workspaces }) => {
        const ids = workspaces.map((workspace) => workspace.id);
        return ids.includes(DEFAULT_WORKSPACE) ? DEFAULT_WORKSPACE : (ids[0] ?? DEFAULT_WORKSPACE);
      })
      .catch(() => readLastWorkspace() ?? DEFAULT_WORKSPACE)
      .then((id) => {
        if (!cancelled) navigate(workspacePath(id), { replace: true });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <main id="main" tabIndex={-1} className="message-page">
      <p role="status">Opening your workspace…</p>
    </main>
  );
}

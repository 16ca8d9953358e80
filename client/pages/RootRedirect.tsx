import { useEffect } from 'react';
import { readSessions } from '../auth/sessionStorage.ts';
import { readLastWorkspace } from '../identity/lastWorkspace.ts';
import { workspacePath } from '../router/matchRoute.ts';
import { navigate } from '../router/navigate.ts';
import { MissingPage } from './MissingPage.tsx';

/** `/`: opens the workspace visited last among those this browser joined; without one, says how to join. */
export function RootRedirect() {
  const joined = Object.keys(readSessions());
  const last = readLastWorkspace();
  const target = last && joined.includes(last) ? last : joined[0];
  useEffect(() => {
    if (target) navigate(workspacePath(target), { replace: true });
  }, [target]);
  if (!target) {
    return (
      <MissingPage
        title="Welcome to Normspace"
        text="Workspaces here are open to invited people only. Open the invite link a facilitator sent you to join; it keeps this browser signed in."
      />
    );
  }
  return (
    <main id="main" tabIndex={-1} className="message-page">
      <p role="status">Opening your workspace…</p>
    </main>
  );
}

import { can } from '../../shared/access/permissions.ts';
import { useState } from 'react';
import { normspaceApi } from '../api/normspaceApi.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';

/** Says that the document is archived and read-only, with a way to restore it. */
export function ArchivedBanner({ workspaceId, documentId }: { workspaceId: string; documentId: string }) {
  const { role } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="banner banner--archived" role="note">
      <p>
        <strong>This document is archived.</strong> You can read it, but nobody can change it until it is restored.
      </p>
      {can(role, 'document.archive') && (
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setFailed(false);
          normspaceApi
            .updateDocument(workspaceId, documentId, { archived: false })
            .catch(() => setFailed(true))
            .finally(() => setBusy(false));
        }}
      >
        Restore document
      </button>
      )}
      {failed && (
        <p className="form-error" role="alert">
          It could not be restored. Check your connection and try again.
        </p>
      )}
    </div>
  );
}

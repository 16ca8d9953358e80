import { can } from '../../shared/access/permissions.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useState } from 'react';
import { DOCUMENT_KIND_LABELS } from '../../shared/documentKinds.ts';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { normspaceApi } from '../api/normspaceApi.ts';
import { documentPath } from '../router/matchRoute.ts';
import type { Peer } from '../sync/readPeers.ts';
import { Link } from './Link.tsx';
import { RelativeTime } from './RelativeTime.tsx';
import { RenameField } from './RenameField.tsx';

interface Props {
  workspaceId: string;
  document: DocumentMeta;
  peers: Peer[];
  now: number;
}

/** One row of the document list: title, kind, times, who is in it, rename and archive. */
export function DocumentListItem({ workspaceId, document, peers, now }: Props) {
  const { role } = useWorkspace();
  const [renaming, setRenaming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const update = async (patch: { title?: string; archived?: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      await normspaceApi.updateDocument(workspaceId, document.id, patch);
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.userMessage : 'The change could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  const names = peers.map((peer) => peer.name).join(', ');
  return (
    <li className={`document-row${document.archived ? ' document-row--archived' : ''}`} data-document-id={document.id}>
      <div className="document-row__main">
        {renaming ? (
          <RenameField
            initial={document.title}
            label={`New title for ${document.title}`}
            className="document-row__rename"
            onSave={(title) => {
              setRenaming(false);
              void update({ title });
            }}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <Link href={documentPath(workspaceId, document.id)} className="document-row__title">
            {document.title}
          </Link>
        )}
        <p className="document-row__meta">
          <span className="kind-label">{DOCUMENT_KIND_LABELS[document.kind] ?? document.kind}</span>
          {document.archived && <span className="archived-badge">Archived</span>}
          <span>
            Updated <RelativeTime timestamp={document.updatedAt} now={now} />
          </span>
          <span>
            Created <RelativeTime timestamp={document.createdAt} now={now} />
          </span>
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {peers.length > 0 && (
        <p className="document-row__presence" title={names}>
          {peers.map((peer) => (
            <span key={peer.clientId} className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
          ))}
          <span className="visually-hidden">Open now by {names}</span>
        </p>
      )}
      <div className="document-row__actions">
        {can(role, 'document.rename') && (
          <button type="button" className="button button--quiet" disabled={busy || renaming} onClick={() => setRenaming(true)} aria-label={`Rename ${document.title}`}>
            Rename
          </button>
        )}
        {can(role, 'document.archive') && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void update({ archived: !document.archived })}
            aria-label={`${document.archived ? 'Restore' : 'Archive'} ${document.title}`}
          >
            {document.archived ? 'Restore' : 'Archive'}
          </button>
        )}
      </div>
    </li>
  );
}

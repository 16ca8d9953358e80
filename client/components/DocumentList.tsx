import { useId, useState } from 'react';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { useNow } from '../hooks/useNow.ts';
import type { Peer } from '../sync/readPeers.ts';
import { DocumentListItem } from './DocumentListItem.tsx';

interface Props {
  workspaceId: string;
  documents: DocumentMeta[];
  peers: Peer[];
  loading: boolean;
}

/** The workspace's documents, live; archived ones only when asked for. */
export function DocumentList({ workspaceId, documents, peers, loading }: Props) {
  const headingId = useId();
  const [showArchived, setShowArchived] = useState(false);
  const now = useNow();
  const archivedCount = documents.filter((document) => document.archived).length;
  const visible = showArchived ? documents : documents.filter((document) => !document.archived);

  return (
    <section className="documents" aria-labelledby={headingId}>
      <div className="documents__header">
        <h2 id={headingId} className="section-title">
          Documents
        </h2>
        <label className="toggle">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          Show archived ({archivedCount})
        </label>
      </div>
      {visible.length === 0 ? (
        <p className="empty-state">{loading ? 'Loading the document list…' : 'No documents yet. Create the first one above.'}</p>
      ) : (
        <ul className="document-list">
          {visible.map((document) => (
            <DocumentListItem
              key={document.id}
              workspaceId={workspaceId}
              document={document}
              peers={peers.filter((peer) => peer.documentId === document.id)}
              now={now}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { documentPath } from '../router/matchRoute.ts';
import type { Peer } from '../sync/readPeers.ts';
import { Avatar } from './Avatar.tsx';
import { Link } from './Link.tsx';

interface Props {
  workspaceId: string;
  peers: Peer[];
  documents: DocumentMeta[];
}

/** Everyone in the workspace right now and the document each of them has open. */
export function WorkspacePresence({ workspaceId, peers, documents }: Props) {
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  return (
    <aside className="workspace-presence" aria-labelledby="who-is-here">
      <h2 id="who-is-here" className="section-title">
        Who is here <span className="count">({peers.length})</span>
      </h2>
      {peers.length === 0 ? (
        <p className="empty-state">Nobody is here yet.</p>
      ) : (
        <ul className="people">
          {peers.map((peer) => {
            const title = peer.documentId ? titles.get(peer.documentId) : undefined;
            return (
              <li key={peer.clientId} className="person">
                <Avatar name={peer.name} color={peer.color} />
                <div>
                  <p className="person__name">
                    {peer.name}
                    {peer.isSelf && <span className="presence__you"> (you)</span>}
                  </p>
                  <p className="person__where">
                    {peer.documentId && title ? (
                      <>
                        in <Link href={documentPath(workspaceId, peer.documentId)}>{title}</Link>
                      </>
                    ) : (
                      'on the document list'
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}

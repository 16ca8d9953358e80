import { useEffect, useRef } from 'react';
import { can } from '../../shared/access/permissions.ts';
import { ROLE_LABELS, ROLE_SUMMARIES } from '../../shared/access/roles.ts';
import { CloseCodes } from '../../shared/closeCodes.ts';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { ArchivedBanner } from '../components/ArchivedBanner.tsx';
import { DocumentEditor } from '../components/DocumentEditor.tsx';
import { DiscardRefusedChanges } from '../components/DiscardRefusedChanges.tsx';
import { DocumentHeading } from '../components/DocumentHeading.tsx';
import { Link } from '../components/Link.tsx';
import { useIdentity } from '../hooks/useIdentity.ts';
import { useRefusal } from '../hooks/useRefusal.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { workspacePath } from '../router/matchRoute.ts';
import { describeSyncStatus } from '../sync/describeSyncStatus.ts';
import type { Room } from '../sync/openRoom.ts';

interface Props {
  workspaceId: string;
  documentId: string;
  room: Room;
  meta: DocumentMeta | undefined;
}

/** The body of the editor page: heading, archive banner and the editor, or why it cannot be shown. */
export function DocumentView({ workspaceId, documentId, room, meta }: Props) {
  const [identity] = useIdentity();
  const { role, memberId, me } = useWorkspace();
  const mayEdit = can(role, 'text.edit');
  const refusal = useRefusal(room.status);
  const archived = meta?.archived ?? false;
  useReconnectWhenArchiveChanges(room, meta?.archived);

  if (refusal) {
    const { text } = describeSyncStatus({ phase: 'refused', unsynced: 0, refusal });
    return (
      <div className="message-page">
        <h1 className="page-title">{text}</h1>
        {refusal.code === CloseCodes.RefusedChange.code && <DiscardRefusedChanges room={room} reason={refusal.reason} />}
        <p>
          <Link href={workspacePath(workspaceId)}>Back to the document list</Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <DocumentHeading workspaceId={workspaceId} meta={meta} />
      {archived && meta && <ArchivedBanner workspaceId={workspaceId} documentId={meta.id} />}
      {!archived && !mayEdit && (
        <div className="banner banner--role" role="note">
          <p>
            <strong>You are a {ROLE_LABELS[role].toLowerCase()} here.</strong> {ROLE_SUMMARIES[role]} Editors change the text.
          </p>
        </div>
      )}
      {identity ? (
        // until the server has told us our member name, we read (what we would write could be refused)
        <DocumentEditor
          documentId={documentId}
          room={room}
          user={me ?? { id: memberId, name: identity.name, color: identity.color }}
          editable={!archived && mayEdit && me !== undefined}
          commentable={!archived && can(role, 'thread.write') && me !== undefined}
          title={meta?.title ?? 'this document'}
        />
      ) : (
        <p className="empty-state">Choose a name to start editing.</p>
      )}
    </>
  );
}

/**
 * The server decides read-only or writable when a connection opens. When the document is archived
 * or restored, reconnect so that the new rule applies (a restored document would otherwise keep
 * dropping our changes).
 */
function useReconnectWhenArchiveChanges(room: Room, archived: boolean | undefined): void {
  const previous = useRef(archived);
  useEffect(() => {
    const before = previous.current;
    previous.current = archived;
    if (before === undefined || archived === undefined || before === archived) return;
    if (!navigator.onLine) return;
    room.provider.disconnect();
    room.provider.connect();
  }, [room, archived]);
}

import { useState } from 'react';
import type { Room } from '../sync/openRoom.ts';

/**
 * The server refused a change kept in this browser's offline copy (it names someone else, or
 * breaks a rule of the room): the copy would send it again at every connection, so the way on is to
 * drop the copy and load the document as the server has it.
 */
export function DiscardRefusedChanges({ room, reason }: { room: Room; reason: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="refused-change" role="alert">
      <p>{reason.replace(/^Change refused: /, 'The server said: ')}.</p>
      <p>Changes made on this page that the server has not stored are lost if you go on.</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void room.discardLocalCopy().finally(() => window.location.reload());
        }}
      >
        Discard unsaved changes and reload
      </button>
    </div>
  );
}

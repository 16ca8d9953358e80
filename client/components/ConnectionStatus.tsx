import { useConnectionState } from '../hooks/useConnectionState.ts';
import { describeSyncStatus } from '../sync/describeSyncStatus.ts';
import type { SyncStatusStore } from '../sync/SyncStatusStore.ts';

/** Always-visible connection and save state; announced politely to screen readers. */
export function ConnectionStatus({ store, readOnly = false }: { store: SyncStatusStore; readOnly?: boolean }) {
  const status = useConnectionState(store);
  const { text, tone } = describeSyncStatus(status, readOnly);
  return (
    <p className={`connection-status connection-status--${tone}`} role="status" aria-live="polite" aria-atomic="true" data-phase={status.phase} data-unsynced={status.unsynced}>
      <span className="connection-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

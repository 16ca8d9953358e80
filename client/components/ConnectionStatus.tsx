import { useConnectionState } from '../hooks/useConnectionState.ts';
import { useSettledValue } from '../hooks/useSettledValue.ts';
import { describeSyncStatus } from '../sync/describeSyncStatus.ts';
import type { SyncStatusStore } from '../sync/SyncStatusStore.ts';

/** While someone types, "saving" and "saved" alternate every few hundred ms: announce only what lasts. */
const ANNOUNCE_AFTER_MS = 2000;

/**
 * Always-visible connection and save state. Screen readers hear it through a separate live region
 * that speaks problems at once and routine saving only once it has settled.
 */
export function ConnectionStatus({ store, readOnly = false }: { store: SyncStatusStore; readOnly?: boolean }) {
  const status = useConnectionState(store);
  const { text, tone } = describeSyncStatus(status, readOnly);
  const announcement = useSettledValue(text, ANNOUNCE_AFTER_MS, tone === 'warning' || tone === 'error');
  return (
    <div className={`connection-status connection-status--${tone}`} data-phase={status.phase} data-unsynced={status.unsynced}>
      <span className="connection-status__dot" aria-hidden="true" />
      <span className="connection-status__text" aria-hidden="true">
        {text}
      </span>
      <span className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </div>
  );
}

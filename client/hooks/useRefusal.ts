import { useSyncExternalStore } from 'react';
import type { SyncStatus, SyncStatusStore } from '../sync/SyncStatusStore.ts';

/** Why the server refused the room, if it did; re-renders only when that changes. */
export function useRefusal(store: SyncStatusStore): SyncStatus['refusal'] {
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot().refusal);
}

import { useSyncExternalStore } from 'react';
import type { SyncStatus, SyncStatusStore } from '../sync/SyncStatusStore.ts';

/** The live, honest connection and save state of a room. */
export function useConnectionState(store: SyncStatusStore): SyncStatus {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

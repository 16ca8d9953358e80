import { useSyncExternalStore } from 'react';
import { readIdentity, subscribeIdentity, writeIdentity, type Identity } from '../identity/identityStorage.ts';

/** The display name and colour saved in this browser (null on a first visit), and a setter. */
export function useIdentity(): [Identity | null, (identity: Omit<Identity, 'id'> & { id?: string }) => void] {
  const identity = useSyncExternalStore(subscribeIdentity, readIdentity);
  return [identity, writeIdentity];
}

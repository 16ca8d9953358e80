import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readPeers, type Peer } from '../sync/readPeers.ts';

/** The people in a room, live from its awareness; re-renders only when someone joins, leaves or changes. */
export function useAwarenessPeers(awareness: Awareness): Peer[] {
  const store = useMemo(() => {
    let snapshot = readPeers(awareness);
    return {
      subscribe(listener: () => void) {
        const onChange = () => {
          snapshot = readPeers(awareness);
          listener();
        };
        awareness.on('change', onChange);
        return () => awareness.off('change', onChange);
      },
      getSnapshot: () => snapshot,
    };
  }, [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

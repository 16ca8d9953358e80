import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readThreads, type ThreadRecord } from '../../shared/comments/threadsDoc.ts';

const NONE: ThreadRecord[] = [];

/** The threads of a threads document, live (re-read on every change to it). */
export function useThreads(doc: Y.Doc | null | undefined): ThreadRecord[] {
  const store = useMemo(() => {
    let snapshot = doc ? readThreads(doc) : NONE;
    return {
      subscribe(listener: () => void) {
        if (!doc) return () => {};
        const onUpdate = () => {
          snapshot = readThreads(doc);
          listener();
        };
        doc.on('update', onUpdate);
        return () => doc.off('update', onUpdate);
      },
      getSnapshot: () => snapshot,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

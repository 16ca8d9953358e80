import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readThreads, type ThreadRecord } from '../../shared/comments/threadsDoc.ts';

const NONE: ThreadRecord[] = [];

/** Reads the threads; the first non-empty read is marked for the Performance panel and the bench. */
function read(doc: Y.Doc, before: readonly ThreadRecord[]): ThreadRecord[] {
  const startTime = performance.now();
  const threads = readThreads(doc);
  if (before.length === 0 && threads.length > 0) performance.mark('normspace:threads-loaded', { startTime });
  return threads;
}

/** The threads of a threads document, live (re-read on every change to it). */
export function useThreads(doc: Y.Doc | null | undefined): ThreadRecord[] {
  const store = useMemo(() => {
    let snapshot = doc ? read(doc, NONE) : NONE;
    return {
      subscribe(listener: () => void) {
        if (!doc) return () => {};
        const onUpdate = () => {
          snapshot = read(doc, snapshot);
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

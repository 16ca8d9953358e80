import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { annotationsMap, readAnnotations, type AnnotationRecord } from '../../shared/annotations/annotationDoc.ts';

/** The text document's annotation records (tags, who, when, last quote), live. */
export function useAnnotationRecords(doc: Y.Doc): Map<string, AnnotationRecord> {
  const store = useMemo(() => {
    let snapshot = readAnnotations(doc);
    return {
      subscribe(listener: () => void) {
        const map = annotationsMap(doc);
        const onChange = () => {
          snapshot = readAnnotations(doc);
          listener();
        };
        map.observeDeep(onChange);
        return () => map.unobserveDeep(onChange);
      },
      getSnapshot: () => snapshot,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

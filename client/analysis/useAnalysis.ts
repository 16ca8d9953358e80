import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { AnalysisStore, type AnalysisSnapshot } from './AnalysisStore.ts';
import { ScopeRooms, type ScopeProgress } from './ScopeRooms.ts';

interface Options {
  workspaceId: string;
  documentId: string;
  /** The open document's Y.Doc (the editor's own). */
  doc: Y.Doc;
  taxonomy: Taxonomy;
  /** The other documents to include; empty for "this document". */
  otherDocumentIds: string[];
}

export interface LiveAnalysis {
  store: AnalysisStore;
  snapshot: AnalysisSnapshot;
  /** Progress of opening the other documents, when there are any. */
  progress: ScopeProgress;
}

const NO_PROGRESS: ScopeProgress = { loaded: 0, total: 0 };
const noSubscription = () => () => {};

/** The live analysis of the open document and, in workspace scope, of the others. */
export function useAnalysis({ workspaceId, documentId, doc, taxonomy, otherDocumentIds }: Options): LiveAnalysis {
  const [store] = useState(() => new AnalysisStore(taxonomy));
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => store.setTaxonomy(taxonomy), [store, taxonomy]);

  useEffect(() => {
    store.watch(documentId, doc);
    return () => store.unwatch(documentId);
  }, [store, documentId, doc]);

  const wantOthers = otherDocumentIds.length > 0;
  const [rooms, setRooms] = useState<ScopeRooms | null>(null);
  useEffect(() => {
    if (!wantOthers) return;
    const opened = new ScopeRooms(workspaceId, store);
    setRooms(opened);
    return () => {
      opened.destroy();
      setRooms(null);
    };
  }, [wantOthers, workspaceId, store]);

  const idsKey = otherDocumentIds.join('\n');
  useEffect(() => {
    rooms?.setDocuments(idsKey === '' ? [] : idsKey.split('\n'));
  }, [rooms, idsKey]);

  const progress = useSyncExternalStore(rooms?.subscribe ?? noSubscription, rooms?.getProgress ?? (() => NO_PROGRESS));
  return { store, snapshot, progress };
}

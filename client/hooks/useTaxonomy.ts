import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { TAXONOMY_DOCUMENT_ID } from '../../shared/syncPath.ts';
import { TAXONOMY_MAPS, readTaxonomy } from '../../shared/taxonomy/taxonomyDoc.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { acquireRoom } from '../sync/acquireRoom.ts';
import type { Room } from '../sync/openRoom.ts';

export interface LiveTaxonomy {
  /** Empty until the taxonomy document has loaded. */
  taxonomy: Taxonomy;
  doc: Y.Doc | null;
  room: Room | null;
}

const EMPTY: Taxonomy = { kinds: new Map(), terms: new Map() };

/** The top-level maps of the taxonomy document (see shared/taxonomy/taxonomyDoc.ts). */

/**
 * The workspace's shared taxonomy (`<workspace>/_taxonomy`), live: re-read whenever anyone changes a
 * kind or a term. Every component of the tab that calls it shares one room.
 */
export function useTaxonomy(workspaceId: string): LiveTaxonomy {
  const [room, setRoom] = useState<Room | null>(null);
  useEffect(() => {
    const held = acquireRoom({ workspaceId, documentId: TAXONOMY_DOCUMENT_ID });
    setRoom(held.room);
    return () => {
      held.release();
      setRoom(null);
    };
  }, [workspaceId]);

  const store = useMemo(() => {
    const doc = room?.doc;
    let snapshot = doc ? readTaxonomy(doc) : EMPTY;
    return {
      subscribe(listener: () => void) {
        if (!doc) return () => {};
        const onChange = () => {
          snapshot = readTaxonomy(doc);
          listener();
        };
        const maps = TAXONOMY_MAPS.map((name) => doc.getMap(name));
        for (const map of maps) map.observeDeep(onChange);
        return () => {
          for (const map of maps) map.unobserveDeep(onChange);
        };
      },
      getSnapshot: () => snapshot,
    };
  }, [room]);
  const taxonomy = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { taxonomy, doc: room?.doc ?? null, room };
}

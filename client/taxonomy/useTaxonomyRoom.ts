import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { useRoomReady } from '../hooks/useRoomReady.ts';
import { useTaxonomy } from '../hooks/useTaxonomy.ts';
import type { Room } from '../sync/openRoom.ts';

export interface TaxonomyRoom {
  room: Room | null;
  taxonomy: Taxonomy;
  /** False until the taxonomy has synced (or loaded offline): do not write before. */
  ready: boolean;
}

/** The workspace taxonomy (the tab's shared room, live), and whether it may be written yet. */
export function useTaxonomyRoom(workspaceId: string): TaxonomyRoom {
  const { room, taxonomy } = useTaxonomy(workspaceId);
  const ready = useRoomReady(room);
  return { room, taxonomy, ready };
}

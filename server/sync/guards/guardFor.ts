import { INDEX_DOCUMENT_ID, TAXONOMY_DOCUMENT_ID, THREADS_CHANNEL, type RoomAddress } from '../../../shared/syncPath.ts';
import { BatchView } from './BatchView.ts';
import { checkStructure } from './checkStructure.ts';
import { ACCEPTED, refused } from './GuardVerdict.ts';
import type { GuardLimits, RoomGuard } from './RoomGuard.ts';
import { TextGuard } from './TextGuard.ts';
import { ThreadsGuard } from './ThreadsGuard.ts';

/** Structure only (nothing pending, few new clients, nesting): the taxonomy, written by facilitators. */
function structureGuard(limits: GuardLimits): RoomGuard {
  return {
    beginBatch(doc) {
      const view = new BatchView(doc);
      return {
        check(_update, decoded, writer) {
          const indexed = view.index(decoded);
          if (writer) {
            const structure = checkStructure(view, indexed, limits);
            if (!structure.ok) return structure;
          }
          view.accept(indexed);
          return ACCEPTED;
        },
      };
    },
    reset() {},
  };
}

/** The workspace index changes only through the API: a peer's update there is refused whatever it holds. */
const serverOnly: RoomGuard = {
  beginBatch: () => ({ check: (_update, _decoded, writer) => (writer ? refused('the document list changes only through the API') : ACCEPTED) }),
  reset() {},
};

/** The rules of the room at `address`. */
export function guardFor(address: RoomAddress, limits: GuardLimits): RoomGuard {
  if (address.documentId === INDEX_DOCUMENT_ID) return serverOnly;
  if (address.documentId === TAXONOMY_DOCUMENT_ID) return structureGuard(limits);
  if (address.channel === THREADS_CHANNEL) return new ThreadsGuard(limits);
  return new TextGuard(limits);
}

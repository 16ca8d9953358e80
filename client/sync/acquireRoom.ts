import { roomName, type RoomAddress } from '../../shared/syncPath.ts';
import { openRoom, type Room } from './openRoom.ts';

const open = new Map<string, { room: Room; users: number }>();

/**
 * A room shared by every part of the page that needs it (one provider and one IndexedDB copy per
 * tab, e.g. the taxonomy used by the editor and the analysis); closed when the last user releases it.
 */
export function acquireRoom(address: RoomAddress): { room: Room; release: () => void } {
  const name = roomName(address);
  let entry = open.get(name);
  if (!entry) {
    entry = { room: openRoom(address), users: 0 };
    open.set(name, entry);
  }
  entry.users += 1;
  const held = entry;
  let released = false;
  return {
    room: held.room,
    release() {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users === 0 && open.get(name) === held) {
        open.delete(name);
        held.room.destroy();
      }
    },
  };
}

import { roomName, type RoomAddress } from '../../shared/syncPath.ts';
import { openRoom, type Room } from './openRoom.ts';

const open = new Map<string, { room: Room; users: number }>();

/**
 * One room per address for the whole tab, however many parts of the page use it (the editor's
 * threads panel and the workspace's notification feed share the current document's threads room):
 * one websocket each, closed when the last user releases it.
 */
export function acquireRoom(address: RoomAddress): Room {
  const name = roomName(address);
  const entry = open.get(name);
  if (entry) {
    entry.users += 1;
    return entry.room;
  }
  const room = openRoom(address);
  open.set(name, { room, users: 1 });
  return room;
}

export function releaseRoom(room: Room): void {
  const entry = open.get(room.name);
  if (!entry || entry.room !== room) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  open.delete(room.name);
  room.destroy();
}

import { useEffect, useState } from 'react';
import type { Room } from '../sync/openRoom.ts';
import { watchRoomReady } from '../sync/watchRoomReady.ts';

/** True once the room has synced with the server (or, offline, loaded its local copy). */
export function useRoomReady(room: Room | null): boolean {
  const [readyRoom, setReadyRoom] = useState<Room | null>(null);
  useEffect(() => {
    if (!room) return;
    return watchRoomReady(room, () => setReadyRoom(room));
  }, [room]);
  return room !== null && readyRoom === room;
}

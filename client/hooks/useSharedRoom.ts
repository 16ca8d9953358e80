import { useEffect, useState } from 'react';
import { roomName, type RoomAddress } from '../../shared/syncPath.ts';
import type { Room } from '../sync/openRoom.ts';
import { acquireRoom, releaseRoom } from '../sync/sharedRooms.ts';

/** Like `useRoom`, but shares the tab's one room for the address with its other users. */
export function useSharedRoom(address: RoomAddress): Room | null {
  const name = roomName(address);
  const [room, setRoom] = useState<Room | null>(null);
  useEffect(() => {
    const acquired = acquireRoom({ ...address });
    setRoom(acquired);
    return () => {
      releaseRoom(acquired);
      setRoom(null);
    };
    // The name is the identity of the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
  return room?.name === name ? room : null;
}

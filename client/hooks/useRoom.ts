import { useEffect, useState } from 'react';
import { roomName, type RoomAddress } from '../../shared/syncPath.ts';
import { openRoom, type Room } from '../sync/openRoom.ts';

/** Opens the room while the component is mounted (and reopens it when the address changes). */
export function useRoom(address: RoomAddress): Room | null {
  const name = roomName(address);
  const [room, setRoom] = useState<Room | null>(null);
  useEffect(() => {
    const opened = openRoom(
      address.channel
        ? { workspaceId: address.workspaceId, documentId: address.documentId, channel: address.channel }
        : { workspaceId: address.workspaceId, documentId: address.documentId },
    );
    setRoom(opened);
    return () => {
      opened.destroy();
      setRoom(null);
    };
    // The name is the identity of the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
  return room?.name === name ? room : null;
}

import type * as Y from 'yjs';
import type { RoomAddress } from '../../shared/syncPath.ts';
import type { TestServer } from './startTestServer.ts';

/**
 * Writes into a room's document on the server itself, as seeding and imports do, and waits until
 * it is stored: the way to put records by several members (or malformed ones, as an old or hostile
 * client might have left) on disk, which no single member's connection may write.
 */
export function writeOnServer(server: Pick<TestServer, 'server'>, address: RoomAddress, write: (doc: Y.Doc) => void): Promise<void> {
  return server.server.rooms.using(address, async (room) => {
    write(room.doc);
    await room.settled();
  });
}

import type * as Y from 'yjs';
import type { Room } from '../sync/openRoom.ts';

/**
 * A set of rooms opened for reading across a workspace (nobody is "in" them: no presence),
 * keyed by document id, each change reported through `onChange` with its document's id.
 */
export class ReadOnlyRooms {
  private readonly rooms = new Map<string, { room: Room; stop: () => void }>();

  constructor(
    private readonly open: (documentId: string) => Room,
    private readonly onChange: (documentId: string) => void,
    private readonly close: (room: Room) => void = (room) => room.destroy(),
  ) {}

  /** Opens the listed documents' rooms and closes the others. */
  set(documentIds: readonly string[]): void {
    const keep = new Set(documentIds);
    for (const [id, entry] of this.rooms) {
      if (keep.has(id)) continue;
      entry.stop();
      this.close(entry.room);
      this.rooms.delete(id);
    }
    for (const documentId of documentIds) {
      if (this.rooms.has(documentId)) continue;
      const room = this.open(documentId);
      room.provider.awareness.setLocalState(null);
      const onUpdate = () => this.onChange(documentId);
      room.doc.on('update', onUpdate);
      this.rooms.set(documentId, { room, stop: () => room.doc.off('update', onUpdate) });
    }
  }

  docs(): Map<string, Y.Doc> {
    return new Map([...this.rooms].map(([id, entry]) => [id, entry.room.doc]));
  }

  destroy(): void {
    this.set([]);
  }
}

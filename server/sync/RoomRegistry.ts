import { roomKey, type RoomAddress } from '../../shared/syncPath.ts';
import type { Logger } from '../logger.ts';
import type { DocumentStore } from '../store/DocumentStore.ts';
import { Room, type RoomLimits } from './Room.ts';

export interface RoomRegistryOptions extends RoomLimits {
  unloadGraceMs: number;
}

/**
 * Loads a document on first use and unloads it after its last user leaves (plus a grace period),
 * so memory follows the documents in use, not every document ever opened.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The rooms of `rooms` that have finished loading. */
  private readonly loaded = new Set<Room>();
  private readonly sweepTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomRegistryOptions,
    private readonly log: Logger,
    private readonly onChange: (room: Room) => void = () => {},
  ) {
    const { dormantAfterMs } = options;
    if (dormantAfterMs !== undefined) {
      this.sweepTimer = setInterval(() => this.sleepIdleRooms(), Math.max(50, Math.min(dormantAfterMs / 4, 10_000)));
      this.sweepTimer.unref();
    }
  }

  /** Rooms whose Y.Doc is freed (see `Room.sleepIfIdle`). */
  get dormantCount(): number {
    let count = 0;
    for (const room of this.loaded) if (room.isDormant) count += 1;
    return count;
  }

  /** Lets every idle room free its Y.Doc (runs periodically when `dormantAfterMs` is set). */
  sleepIdleRooms(now = Date.now()): void {
    for (const room of this.loaded) {
      if (room.isDormant || room.unloading) continue;
      room.sleepIfIdle(now);
    }
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /**
   * Returns the loaded room, loading it if needed; pair every call with `release`. Its Y.Doc is
   * built unless `build` is false (the sync endpoint, which can answer a first client from the
   * stored bytes and builds it right after).
   */
  async acquire(address: RoomAddress, { build = true }: { build?: boolean } = {}): Promise<Room> {
    if (this.closed) throw new Error('registry is closed');
    const key = roomKey(address);
    let pending = this.rooms.get(key);
    if (pending) {
      const room = await pending.catch(() => undefined);
      if (room?.unloading) {
        await room.unloading;
        return this.acquire(address, { build });
      }
    }
    pending = this.rooms.get(key);
    if (!pending) {
      pending = Room.load(address, this.store, this.options, this.log, this.onChange);
      this.rooms.set(key, pending);
      pending.then((room) => this.loaded.add(room)).catch(() => {});
      pending.catch(() => this.rooms.delete(key));
    }
    const room = await pending;
    if (room.unloading) return this.acquire(address, { build });
    room.leases += 1;
    if (room.unloadTimer) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = undefined;
    }
    if (build) await room.hydrate();
    return room;
  }

  release(room: Room): void {
    room.leases -= 1;
    if (room.leases > 0 || this.closed) return;
    room.unloadTimer = setTimeout(() => void this.unload(room), this.options.unloadGraceMs);
    room.unloadTimer.unref();
  }

  /** Closes every connection to a loaded document (e.g. when what they may do has changed). */
  async disconnectPeers(address: RoomAddress, close: { code: number; reason: string }): Promise<void> {
    const pending = this.rooms.get(roomKey(address));
    const room = pending ? await pending.catch(() => undefined) : undefined;
    if (!room) return;
    await room.settled();
    for (const peer of [...room.peers]) peer.close(close.code, close.reason);
  }

  /** Runs `fn` with the room leased. */
  async using<T>(address: RoomAddress, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.acquire(address);
    try {
      return await fn(room);
    } finally {
      this.release(room);
    }
  }

  private async unload(room: Room): Promise<void> {
    room.unloadTimer = undefined;
    if (room.leases > 0 || room.unloading) return;
    room.unloading = room
      .unload()
      .catch((error: unknown) => this.log.error({ doc: room.key, err: error }, 'unload failed'))
      .finally(() => {
        if (this.rooms.get(room.key) !== undefined) this.rooms.delete(room.key);
        this.loaded.delete(room);
        this.log.debug({ doc: room.key }, 'unloaded');
      });
    await room.unloading;
  }

  /** Stores everything, compacts and frees every room (SIGTERM). Peers must be closed first. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    const rooms = await Promise.all([...this.rooms.values()].map((pending) => pending.catch(() => undefined)));
    await Promise.all(
      rooms.map(async (room) => {
        if (!room) return;
        if (room.unloadTimer) clearTimeout(room.unloadTimer);
        await (room.unloading ?? room.unload());
      }),
    );
    this.rooms.clear();
    this.loaded.clear();
  }
}

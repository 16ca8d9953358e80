import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { roomKey, type RoomAddress } from '../../shared/syncPath.ts';
import type { Logger } from '../logger.ts';
import type { DocumentStore } from '../store/DocumentStore.ts';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { DurableWriter, type PendingUpdate } from './DurableWriter.ts';
import type { DecodedUpdate } from './guards/BatchView.ts';
import { guardFor } from './guards/guardFor.ts';
import type { GuardLimits, RoomGuard } from './guards/RoomGuard.ts';
import type { Writer } from './guards/Writer.ts';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from './protocol.ts';

/** What the room needs from a connection. */
export interface RoomPeer {
  readonly id: string;
  /** The member whose updates these are (checked by the room's guard). */
  readonly writer: Writer;
  /** Awareness client ids this peer controls, removed when it leaves. */
  readonly awarenessClients: Set<number>;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomLimits extends GuardLimits {
  compactAfterUpdates: number;
  compactAfterBytes: number;
  maxDocumentBytes: number;
  ackIntervalMs: number;
  /** A document unchanged this long, with only connections using it, frees its Y.Doc (`sleepIfIdle`); never when undefined. */
  dormantAfterMs?: number;
}

/**
 * The awareness of a room is not tied to its Y.Doc (which is freed while the room is dormant):
 * y-protocols' Awareness only reads `clientID` and listens for `destroy`, and the server never sets
 * a local state of its own.
 */
const RESOLVED = Promise.resolve();

const AWARENESS_OWNER = { clientID: 0, on() {}, off() {} } as unknown as Y.Doc;

/** Transaction origin of updates that came from a peer and are already stored. */
interface StoredPeerUpdate {
  readonly kind: 'stored-peer-update';
  readonly peer: RoomPeer;
}

type WriterOrigin = RoomPeer | 'server';

/**
 * One loaded document: its Y.Doc, awareness and connected peers.
 *
 * Invariant: an update reaches other peers only after the store has it. Peer updates are stored
 * first and applied to the Y.Doc afterwards, so the in-memory document is never ahead of the disk
 * for anything a peer sent; changes the server makes itself are stored before they are broadcast.
 *
 * A room left unchanged for `dormantAfterMs` while only connections use it goes **dormant**: its
 * Y.Doc is freed (a Y.Doc costs about ten times its encoded size); connections, awareness and
 * presence stay. `hydrate()` (which every path to the document awaits) reads it
 * back from the store: on the next update, a new client's sync, an acknowledgement or an API call.
 */
export class Room {
  readonly key: string;
  readonly awareness = new awarenessProtocol.Awareness(AWARENESS_OWNER);
  readonly peers = new Set<RoomPeer>();
  /** Connections plus API calls currently using the room; 0 starts the unload timer. */
  leases = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  unloading: Promise<void> | undefined;

  /** Undefined while dormant. */
  private ydoc: Y.Doc | undefined;
  /** Set while a dormant room is being read back from the store. */
  private waking: Promise<void> | undefined;
  /** When the document last changed or was woken (ms since the epoch). */
  private lastActivity = Date.now();
  private readonly writer: DurableWriter<WriterOrigin>;
  /** The room's rules for what peers may write (see server/sync/guards). */
  private readonly guard: RoomGuard;
  /** What was read at load while the Y.Doc is not built from it yet (see `hydrate`). */
  private unbuilt: Uint8Array[] | undefined;
  /** Resolved by `build`; only while a loaded document waits to be built. */
  private built: { promise: Promise<void>; resolve: () => void } | undefined;
  private lastSeq: number;
  private storedBytes: number;
  private updatesSinceSnapshot: number;
  private bytesSinceSnapshot = 0;
  /** Pending acknowledgements, per writer; created on first use (most rooms are idle). */
  private ackTimers: Map<RoomPeer, NodeJS.Timeout> | undefined;

  private constructor(
    readonly address: RoomAddress,
    private readonly store: DocumentStore,
    private readonly limits: RoomLimits,
    private readonly log: Logger,
    private readonly onChange: (room: Room) => void,
    loaded: { lastSeq: number; bytes: number; count: number },
  ) {
    this.key = roomKey(address);
    this.lastSeq = loaded.lastSeq;
    this.storedBytes = loaded.bytes;
    this.updatesSinceSnapshot = loaded.count > 1 ? loaded.count - 1 : 0;
    this.awareness.setLocalState(null);
    this.guard = guardFor(address, limits);
    this.writer = new DurableWriter<WriterOrigin>(
      async (batch) => {
        // nothing is stored before the document is built, so until then the disk holds exactly `unbuilt`
        await this.hydrate();
        const accepted = this.admit(batch);
        if (accepted.length === 0) return accepted;
        this.lastSeq = await this.store.append(this.key, accepted.map(({ update }) => update));
        for (const { update } of accepted) {
          this.updatesSinceSnapshot += 1;
          this.bytesSinceSnapshot += update.byteLength;
          this.storedBytes += update.byteLength;
        }
        return accepted;
      },
      (batch) => this.afterStored(batch),
      (error, batch) => this.onStoreFailure(error, batch),
      () => this.compactIfDue(),
    );
    this.awareness.on('update', this.handleAwarenessUpdate);
    this.ydoc = this.newDoc();
  }

  /** The document. Await `hydrate()` first: a dormant room has none in memory (this throws then). */
  get doc(): Y.Doc {
    if (!this.ydoc) throw new Error(`document ${this.key} is dormant: await hydrate() before using it`);
    return this.ydoc;
  }

  private newDoc(): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    doc.on('update', this.handleDocUpdate);
    return doc;
  }

  /**
   * Loads a document from the store. Stored updates that fail to apply are logged and skipped,
   * never deleted. A document stored as a single row (a compacted snapshot: what unloading leaves)
   * is not built into the Y.Doc yet: `hydrate` does that, so that a first client can be answered
   * from the stored bytes meanwhile (`storedState`).
   */
  static async load(
    address: RoomAddress,
    store: DocumentStore,
    limits: RoomLimits,
    log: Logger,
    onChange: (room: Room) => void,
  ): Promise<Room> {
    const stored = await store.load(roomKey(address));
    const room = new Room(address, store, limits, log, onChange, {
      lastSeq: stored.lastSeq,
      bytes: stored.bytes,
      count: stored.updates.length,
    });
    room.unbuilt = stored.updates;
    if (stored.updates.length === 1) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      room.built = { promise, resolve };
    } else {
      room.build();
    }
    return room;
  }

  /**
   * Builds the Y.Doc from what was read at load, after `delayMs` (at once when 0), or reads a
   * dormant room back from the store; resolves when it is built. Idempotent; a no-op once built.
   */
  hydrate(delayMs = 0): Promise<void> {
    this.lastActivity = Date.now(); // whoever hydrates is about to use the document: not dormant before dormantAfterMs
    if (!this.ydoc) return this.wake();
    if (this.unbuilt) {
      const timer = delayMs > 0 ? setTimeout(() => this.build(), delayMs) : setImmediate(() => this.build());
      timer.unref();
    }
    return this.built?.promise ?? RESOLVED;
  }

  /**
   * The whole stored document, while the Y.Doc is not built and nothing is being stored: then the
   * disk holds exactly these bytes, and a client may be answered from them. Undefined otherwise.
   */
  get storedState(): Uint8Array | undefined {
    return this.unbuilt?.length === 1 && !this.writer.busy ? this.unbuilt[0] : undefined;
  }

  get isBuilt(): boolean {
    return this.unbuilt === undefined && this.ydoc !== undefined;
  }

  /** Whether the Y.Doc is freed (see the class comment). */
  get isDormant(): boolean {
    return this.ydoc === undefined;
  }

  /** Reads a dormant room back from the store and builds its Y.Doc. */
  private wake(): Promise<void> {
    this.waking ??= (async () => {
      try {
        const stored = await this.store.load(this.key);
        this.lastSeq = stored.lastSeq;
        this.storedBytes = stored.bytes;
        this.updatesSinceSnapshot = stored.updates.length > 1 ? stored.updates.length - 1 : 0;
        this.ydoc = this.newDoc();
        this.unbuilt = stored.updates;
        this.build();
      } finally {
        this.waking = undefined;
      }
    })();
    return this.waking;
  }

  /**
   * Frees the Y.Doc if the document has been unchanged for `dormantAfterMs` and only connections
   * use it (no API call holds a lease), with nothing being stored and no acknowledgement due: then
   * the store holds exactly what memory holds (no write, no fsync needed). Returns whether the
   * room went dormant.
   */
  sleepIfIdle(now = Date.now()): boolean {
    const idle =
      this.limits.dormantAfterMs !== undefined &&
      this.ydoc !== undefined &&
      this.unbuilt === undefined &&
      this.waking === undefined &&
      this.leases > 0 &&
      this.leases === this.peers.size &&
      !this.ackTimers?.size &&
      !this.writer.busy &&
      now - this.lastActivity >= this.limits.dormantAfterMs;
    if (!idle) return false;
    const doc = this.ydoc!;
    this.ydoc = undefined;
    this.guard.reset();
    doc.off('update', this.handleDocUpdate);
    doc.destroy();
    return true;
  }

  private build(): void {
    const updates = this.unbuilt;
    if (!updates) return;
    this.unbuilt = undefined;
    this.lastActivity = Date.now();
    this.doc.transact(() => {
      updates.forEach((update, index) => {
        try {
          Y.applyUpdate(this.doc, update);
        } catch (error) {
          this.log.error({ doc: this.key, index, err: error }, 'stored update could not be applied; skipped');
        }
      });
    }, { kind: 'load' });
    const built = this.built;
    this.built = undefined;
    built?.resolve();
  }

  /**
   * Queues a peer's update; the room's guard checks it against the stored document just before it
   * would be stored (a refused one closes its peer, 4422), then it is stored, applied and broadcast.
   */
  receiveUpdate(update: Uint8Array, peer: RoomPeer, decoded?: DecodedUpdate): { ok: true } | { ok: false; reason: 'too-large' } {
    if (this.storedBytes + update.byteLength > this.limits.maxDocumentBytes) return { ok: false, reason: 'too-large' };
    this.writer.enqueue(update, peer, decoded);
    return { ok: true };
  }

  /**
   * What of a batch may be stored: each peer update is checked in order against the stored
   * document and the updates accepted before it; a refused update closes its peer, and that
   * peer's later updates in the batch (which may build on it) are dropped with it.
   */
  private admit(batch: PendingUpdate<WriterOrigin>[]): PendingUpdate<WriterOrigin>[] {
    const check = this.guard.beginBatch(this.doc);
    const refusedPeers = new Set<RoomPeer>();
    return batch.filter(({ update, origin, decoded }) => {
      if (origin !== 'server' && refusedPeers.has(origin)) return false;
      let verdict;
      try {
        verdict = check.check(update, decoded ?? Y.decodeUpdate(update), origin === 'server' ? undefined : origin.writer);
      } catch (error) {
        this.log.error({ doc: this.key, err: error }, 'checking an update failed');
        this.guard.reset();
        verdict = origin === 'server' ? { ok: true as const } : { ok: false as const, reason: 'the change could not be checked' };
      }
      if (verdict.ok) return true;
      if (origin !== 'server') {
        refusedPeers.add(origin);
        this.log.warn({ doc: this.key, peer: origin.id, member: origin.writer.memberId, reason: verdict.reason }, 'update refused');
        origin.close(CloseCodes.RefusedChange.code, `Change refused: ${verdict.reason}`);
      }
      return false;
    });
  }

  /** Resolves when everything received so far is stored and applied. */
  async settled(): Promise<void> {
    await this.writer.idle();
  }

  addPeer(peer: RoomPeer): void {
    this.peers.add(peer);
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
  }

  /** The peer whose presence (awareness client id) this is, if a connected one. */
  presenceOwner(clientId: number): RoomPeer | undefined {
    for (const peer of this.peers) if (peer.awarenessClients.has(clientId)) return peer;
    return undefined;
  }

  removePeer(peer: RoomPeer): void {
    this.peers.delete(peer);
    const timer = this.ackTimers?.get(peer);
    if (timer) clearTimeout(timer);
    this.ackTimers?.delete(peer);
    if (peer.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], null);
    }
  }

  /** Stores pending work, compacts the log into a snapshot and frees the Y.Doc. */
  async unload(): Promise<void> {
    await this.writer.idle();
    if (!this.isDormant || this.updatesSinceSnapshot > 0) {
      // a dormant room whose log is not compacted is read back once more, to leave one snapshot row
      await this.hydrate();
      await this.writer.idle();
      if (this.updatesSinceSnapshot > 0) await this.compact();
    }
    for (const timer of this.ackTimers?.values() ?? []) clearTimeout(timer);
    this.awareness.destroy();
    this.ydoc?.destroy();
  }

  get stats() {
    return { lastSeq: this.lastSeq, storedBytes: this.storedBytes, updatesSinceSnapshot: this.updatesSinceSnapshot };
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (isStoredPeerUpdate(origin)) {
      this.broadcast(encodeUpdate(update), origin.peer);
      this.scheduleAck(origin.peer);
      this.onChange(this);
    } else if ((origin as { kind?: string } | null)?.kind !== 'load') {
      // A change made on the server (API, seeding): store it, then broadcast (in afterStored).
      this.writer.enqueue(update, 'server');
    }
  };

  /**
   * Applies a stored batch, in order. Consecutive updates from one peer are applied in one Yjs
   * transaction, so the document emits (and the room broadcasts) one merged update for them rather
   * than one per keystroke: under load, one message per receiver per batch instead of hundreds.
   */
  private afterStored(batch: PendingUpdate<WriterOrigin>[]): void {
    this.lastActivity = Date.now();
    let start = 0;
    while (start < batch.length) {
      const origin = batch[start]!.origin;
      let end = start + 1;
      while (end < batch.length && batch[end]!.origin === origin) end += 1;
      const run = batch.slice(start, end);
      if (origin === 'server') {
        for (const { update } of run) this.broadcast(encodeUpdate(update), undefined);
      } else {
        this.applyStoredFromPeer(origin, run);
      }
      start = end;
    }
  }

  private applyStoredFromPeer(peer: RoomPeer, run: PendingUpdate<WriterOrigin>[]): void {
    const storedOrigin: StoredPeerUpdate = { kind: 'stored-peer-update', peer };
    let failed = false;
    this.doc.transact(() => {
      for (const { update } of run) {
        try {
          Y.applyUpdate(this.doc, update, storedOrigin);
        } catch (error) {
          this.log.error({ doc: this.key, peer: peer.id, err: error }, 'update could not be applied');
          failed = true;
        }
      }
    }, storedOrigin);
    if (failed) peer.close(4400, 'Update could not be applied');
  }

  private onStoreFailure(error: Error, batch: PendingUpdate<WriterOrigin>[]): void {
    this.log.error({ doc: this.key, err: error, updates: batch.length }, 'store append failed; closing writers');
    this.guard.reset(); // what it kept counted this batch in
    // Nothing was broadcast. The writers keep their changes locally and resend them on reconnect.
    for (const { origin } of batch) if (origin !== 'server') origin.close(4500, 'Could not store the change');
  }

  /** Tells a writer the server's (durable) state vector; the stock client answers with anything still missing. */
  private scheduleAck(peer: RoomPeer): void {
    if (this.ackTimers?.has(peer) || !this.peers.has(peer)) return;
    this.ackTimers ??= new Map();
    this.ackTimers.set(
      peer,
      setTimeout(() => {
        this.ackTimers?.delete(peer);
        if (this.ackTimers?.size === 0) this.ackTimers = undefined;
        if (!this.peers.has(peer)) return;
        void this.settled()
          .then(() => this.hydrate())
          .then(() => {
            if (this.peers.has(peer)) peer.send(encodeSyncStep1(this.doc));
          });
      }, this.limits.ackIntervalMs),
    );
  }

  private broadcast(message: Uint8Array, except: RoomPeer | undefined): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  private readonly handleAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const peer = origin as RoomPeer | null;
    if (peer && this.peers.has(peer)) {
      for (const id of changes.added) peer.awarenessClients.add(id);
      for (const id of changes.removed) peer.awarenessClients.delete(id);
    }
    if (changed.length > 0) this.broadcast(encodeAwareness(this.awareness, changed), undefined);
  };

  private async compactIfDue(): Promise<void> {
    if (
      this.updatesSinceSnapshot >= this.limits.compactAfterUpdates ||
      this.bytesSinceSnapshot >= this.limits.compactAfterBytes
    ) {
      await this.compact();
    }
  }

  private async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.key, snapshot, this.lastSeq);
    this.storedBytes = snapshot.byteLength;
    this.updatesSinceSnapshot = 0;
    this.bytesSinceSnapshot = 0;
    this.log.debug({ doc: this.key, bytes: snapshot.byteLength, throughSeq: this.lastSeq }, 'compacted');
  }
}

function isStoredPeerUpdate(origin: unknown): origin is StoredPeerUpdate {
  return (origin as StoredPeerUpdate | null)?.kind === 'stored-peer-update';
}

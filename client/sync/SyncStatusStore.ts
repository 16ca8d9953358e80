import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { countUnsyncedChanges } from '../../shared/unsyncedChanges.ts';
import { loadAcknowledgement, saveAcknowledgement, type AcknowledgementState } from './acknowledgementStorage.ts';
import { interceptServerSync } from './interceptServerSync.ts';

export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface SyncStatus {
  phase: ConnectionPhase;
  /** Local changes the server has not yet confirmed as stored. */
  unsynced: number;
  /** Why the server refused the connection (close codes 4400–4499), if it did. */
  refusal?: { code: number; reason: string };
}

/** A sync step 1 we sent: its answer proves the server stored everything we sent before it. */
interface Barrier {
  stateVector: Map<number, number>;
  deletions: number;
}

const BARRIER_DELAY_MS = 150;
const MESSAGE_SYNC = 0;

/**
 * The honest connection state of one room, for `useSyncExternalStore`.
 *
 * Inserted content is counted per Yjs clock and confirmed by the server's state vector (the
 * durable acknowledgement). Deletions add no clock, so each local deletion-only transaction counts
 * as one change until the server answers a sync step 1 sent after it: the server handles a
 * connection's messages in order and answers only once everything before is stored.
 */
export class SyncStatusStore {
  private status: SyncStatus = { phase: 'connecting', unsynced: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly ack: AcknowledgementState;
  private readonly ownClients: Set<number>;
  private deletionsTotal: number;
  private deletionsConfirmed = 0;
  private online = navigator.onLine;
  private everConnected = false;
  private handshakeDone = false;
  private expectedReplies: (Barrier | null)[] = [];
  private barrierTimer: ReturnType<typeof setTimeout> | undefined;
  private refusal: SyncStatus['refusal'];
  private readonly teardown: (() => void)[] = [];

  constructor(
    private readonly room: string,
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    this.ack = loadAcknowledgement(room);
    this.ownClients = new Set(this.ack.ownClients);
    this.deletionsTotal = this.ack.pendingDeletions;
    this.teardown.push(
      interceptServerSync(provider, {
        onServerStateVector: (stateVector) => this.onServerStateVector(stateVector),
        onStep2: () => this.onStep2(),
      }),
    );
    provider.on('status', this.onProviderStatus);
    provider.on('sync', this.update);
    provider.on('closed', this.onClosed);
    this.teardown.push(() => {
      provider.off('status', this.onProviderStatus);
      provider.off('sync', this.update);
      provider.off('closed', this.onClosed);
    });
    doc.on('afterTransaction', this.onTransaction);
    this.teardown.push(() => doc.off('afterTransaction', this.onTransaction));
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.teardown.push(() => {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    });
    this.update();
  }

  /** Connects unless the browser says it is offline; going online later connects too. */
  start(): void {
    if (this.online) this.provider.connect();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SyncStatus => this.status;

  destroy(): void {
    clearTimeout(this.barrierTimer);
    for (const undo of this.teardown.splice(0)) undo();
    this.listeners.clear();
  }

  private readonly onProviderStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') {
      this.everConnected = true;
      this.refusal = undefined;
      this.expectedReplies = [null]; // the provider's own opening sync step 1
    } else {
      this.expectedReplies = [];
    }
    this.handshakeDone = false;
    this.update();
  };

  private readonly onClosed = (event: { code: number; reason: string }): void => {
    this.refusal = { code: event.code, reason: event.reason };
    this.update();
  };

  private readonly onOnline = (): void => {
    this.online = true;
    this.provider.connect();
    this.update();
  };

  private readonly onOffline = (): void => {
    this.online = false;
    this.provider.disconnect();
    this.update();
  };

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.local) {
      const id = this.doc.clientID;
      if ((transaction.afterState.get(id) ?? 0) > (transaction.beforeState.get(id) ?? 0)) {
        if (!this.ownClients.has(id)) {
          this.ownClients.add(id);
          this.ack.ownClients.push(id);
          this.persist();
        }
      } else if (transaction.deleteSet.clients.size > 0) {
        this.deletionsTotal += 1;
        this.persist();
        this.scheduleBarrier();
      }
    }
    this.update();
  };

  private onServerStateVector(stateVector: Map<number, number>): void {
    this.ack.serverStateVector = stateVector;
    this.handshakeDone = true;
    this.persist();
    this.update();
    // After the stock handler has answered with our missing changes.
    this.scheduleBarrier(0);
  }

  private onStep2(): void {
    const barrier = this.expectedReplies.shift();
    if (!barrier) return;
    for (const [client, clock] of barrier.stateVector) {
      if (clock > (this.ack.serverStateVector.get(client) ?? 0)) this.ack.serverStateVector.set(client, clock);
    }
    this.deletionsConfirmed = Math.max(this.deletionsConfirmed, barrier.deletions);
    this.persist();
    this.update();
    this.scheduleBarrier();
  }

  private scheduleBarrier(delay = BARRIER_DELAY_MS): void {
    clearTimeout(this.barrierTimer);
    this.barrierTimer = setTimeout(() => this.sendBarrier(), delay);
  }

  private sendBarrier(): void {
    if (this.deletionsTotal === this.deletionsConfirmed || !this.handshakeDone) return;
    if (this.expectedReplies.some((barrier) => barrier !== null && barrier.deletions >= this.deletionsTotal)) return;
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    this.expectedReplies.push({ stateVector: this.localStateVector(), deletions: this.deletionsTotal });
  }

  private localStateVector(): Map<number, number> {
    return Y.decodeStateVector(Y.encodeStateVector(this.doc));
  }

  private persist(): void {
    this.ack.pendingDeletions = this.deletionsTotal - this.deletionsConfirmed;
    saveAcknowledgement(this.room, this.ack);
  }

  private readonly update = (): void => {
    const own = new Map([...this.localStateVector()].filter(([client]) => this.ownClients.has(client)));
    const unsynced = countUnsyncedChanges(own, this.ack.serverStateVector) + this.deletionsTotal - this.deletionsConfirmed;
    const phase = this.phase();
    const refusal = phase === 'refused' ? this.refusal : undefined;
    const previous = this.status;
    if (previous.phase === phase && previous.unsynced === unsynced && previous.refusal === refusal) return;
    this.status = refusal ? { phase, unsynced, refusal } : { phase, unsynced };
    for (const listener of this.listeners) listener();
  };

  private phase(): ConnectionPhase {
    if (this.refusal && !this.provider.wsconnected) return 'refused';
    if (!this.online) return 'offline';
    if (this.provider.wsconnected && this.provider.synced) return 'connected';
    return this.everConnected ? 'reconnecting' : 'connecting';
  }
}

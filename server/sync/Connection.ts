import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { CloseCodes } from '../../shared/closeCodes.ts';
import type { Access, Principal } from '../auth/authorizeConnection.ts';
import type { Logger } from '../logger.ts';
import type { Writer } from './guards/Writer.ts';
import { isRedundantUpdate } from './isRedundantUpdate.ts';
import { readPresenceUpdate, stampPresenceState, writePresenceUpdate } from './stampPresence.ts';
import { MessageType, SyncType, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeSyncStep2FromState } from './protocol.ts';
import type { Room, RoomPeer } from './Room.ts';

export interface ConnectionLimits {
  maxMessagesPerSecond: number;
  /** Unread bytes beyond which the client is disconnected (4508) and nothing more is prepared for it. */
  maxUnreadBytes: number;
  /** Largest awareness message accepted (4413 beyond). */
  maxPresenceBytes: number;
  /** Awareness client ids one connection may introduce. */
  maxPresenceClientsPerConnection: number;
}

/** A protocol violation: closes this connection only. */
class ProtocolError extends Error {
  constructor(
    message: string,
    readonly close: { code: number; reason: string } = CloseCodes.BadMessage,
  ) {
    super(message);
  }
}

let connectionCounter = 0;

/** A document loaded unbuilt is built at the latest this long after a connection opened it. */
const BUILD_WITHIN_MS = 100;

/**
 * One websocket speaking the y-websocket protocol for one room. Messages are handled one at a time,
 * in order. Read-only connections may sync and share awareness, but their document updates are
 * dropped (y-protocols' guidance for read-only users). Updates of writers are checked by the room's
 * guard before they are stored. Presence is stamped with the member's name, and a connection may
 * only speak for the awareness client ids it introduced. A client that does not read what it is
 * sent is disconnected once its unread bytes pass the limit, before anything more is prepared.
 */
export class Connection implements RoomPeer {
  readonly id = `c${++connectionCounter}`;
  readonly awarenessClients = new Set<number>();
  isAlive = true;
  private queue: Promise<void> = Promise.resolve();
  private tokens: number;
  private lastRefill = Date.now();
  private closed = false;
  /** Size of the largest document copy sent: always allowed in flight besides `maxUnreadBytes`. */
  private largestCopy = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    readonly principal: Principal,
    readonly access: Access,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.tokens = limits.maxMessagesPerSecond * 4;
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('close', () => this.cleanup());
    ws.on('error', (error) => {
      this.log.warn({ conn: this.id, err: error }, 'websocket error');
      this.close(error.message.includes('Max payload') ? CloseCodes.TooLarge.code : CloseCodes.BadMessage.code, error.message);
    });
    ws.on('pong', () => {
      this.isAlive = true;
    });
  }

  /** Sends the opening of the sync handshake once the room has stored everything pending. */
  async start(): Promise<void> {
    this.room.addPeer(this);
    // a document not built yet is built once the client's own step 1 is answered, or soon anyway
    await this.room.hydrate(BUILD_WITHIN_MS);
    await this.room.settled();
    this.send(encodeSyncStep1(this.room.doc));
  }

  get writer(): Writer {
    return this.principal;
  }

  /**
   * True (and the connection closing) when the client has left more unread than the limit, on top
   * of one copy of the document (a large document on a slow link is still being read, not refused).
   */
  private fallenBehind(): boolean {
    if (this.ws.bufferedAmount <= this.limits.maxUnreadBytes + this.largestCopy) return false;
    this.log.warn({ conn: this.id, doc: this.room.key, unread: this.ws.bufferedAmount }, 'client does not read: disconnecting');
    this.close(CloseCodes.NotReading.code, CloseCodes.NotReading.reason);
    // its socket holds the unread bytes until destroyed: the close frame waits behind them, so do not wait for it
    const ws = this.ws;
    setTimeout(() => ws.terminate(), 1000).unref();
    return true;
  }

  /** Sends a sync step 2 (the document, or what the client lacks of it). */
  private sendCopy(message: Uint8Array): void {
    this.largestCopy = Math.max(this.largestCopy, message.byteLength);
    this.send(message);
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.fallenBehind()) return;
    this.ws.send(message, (error) => {
      if (error) this.close(CloseCodes.ServerError.code, 'send failed');
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason.slice(0, 120));
    this.cleanup();
  }

  ping(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  terminate(): void {
    this.ws.terminate();
    this.cleanup();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.room.removePeer(this);
    this.onClose(this);
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.takeToken()) {
      this.log.warn({ conn: this.id, doc: this.room.key }, 'message rate exceeded');
      this.close(CloseCodes.RateLimited.code, CloseCodes.RateLimited.reason);
      return;
    }
    if (!isBinary || !(data instanceof Buffer)) {
      this.reject(new ProtocolError('text or fragmented frame; the protocol is binary'));
      return;
    }
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.queue = this.queue.then(() => this.handle(message)).catch((error: unknown) => this.reject(error));
  }

  private reject(error: unknown): void {
    const close = error instanceof ProtocolError ? error.close : CloseCodes.BadMessage;
    this.log.warn({ conn: this.id, doc: this.room.key, reason: (error as Error).message }, 'closing connection after bad message');
    this.close(close.code, close.reason);
  }

  private async handle(message: Uint8Array): Promise<void> {
    if (this.closed) return;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        return this.handleSync(decoder);
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        if (update.byteLength > this.limits.maxPresenceBytes) throw new ProtocolError('presence too large', CloseCodes.TooLarge);
        this.receivePresence(update);
        return;
      }
      case MessageType.QueryAwareness:
        if (this.fallenBehind()) return;
        this.send(encodeAwareness(this.room.awareness, [...this.room.awareness.getStates().keys()]));
        return;
      case MessageType.Auth:
        return; // server-to-client only; ignored from clients
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  private async handleSync(decoder: decoding.Decoder): Promise<void> {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case SyncType.Step1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        if (this.fallenBehind()) return; // do not prepare a copy of the document for a client that reads nothing
        Y.decodeStateVector(stateVector); // throws on garbage
        const stored = this.room.storedState;
        if (stored) {
          // the document is not in memory yet: answer from the stored bytes, then build it
          this.sendCopy(encodeSyncStep2FromState(stored, stateVector));
          void this.room.hydrate();
          return;
        }
        await this.room.hydrate();
        await this.room.settled();
        this.sendCopy(encodeSyncStep2(this.room.doc, stateVector));
        return;
      }
      case SyncType.Step2:
      case SyncType.Update: {
        const update = decoding.readVarUint8Array(decoder);
        if (this.access !== 'write') return; // read-only: dropped, the connection stays
        let decoded;
        try {
          decoded = Y.decodeUpdate(update); // validates the whole update before anything is stored
        } catch (error) {
          throw new ProtocolError(`undecodable update: ${(error as Error).message}`);
        }
        if (this.room.isBuilt && isRedundantUpdate(this.room.doc, decoded)) return; // e.g. the answer to an acknowledgement
        const result = this.room.receiveUpdate(update, this, decoded);
        if (!result.ok) throw new ProtocolError('document size limit reached', CloseCodes.TooLarge);
        return;
      }
      default:
        throw new ProtocolError(`unknown sync message type ${syncType}`);
    }
  }

  /**
   * Applies a client's presence, keeping only the entries it may speak for (awareness ids it
   * introduced, or that another connection of the same member had: a reconnecting tab keeps its
   * id) and stamping each with the member's name.
   */
  private receivePresence(update: Uint8Array): void {
    const kept = [];
    for (const entry of readPresenceUpdate(update)) {
      const owner = this.room.presenceOwner(entry.clientId);
      if (owner && owner !== this) {
        if (owner.writer.memberId !== this.principal.memberId) continue; // someone else's presence
        owner.awarenessClients.delete(entry.clientId);
      } else if (!owner && entry.state !== null && this.awarenessClients.size >= this.limits.maxPresenceClientsPerConnection) {
        continue;
      }
      if (entry.state !== null) this.awarenessClients.add(entry.clientId);
      kept.push({ ...entry, state: stampPresenceState(entry.state, { id: this.principal.memberId, name: this.principal.name }) });
    }
    if (kept.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, writePresenceUpdate(kept), this);
  }

  private takeToken(): boolean {
    const now = Date.now();
    const rate = this.limits.maxMessagesPerSecond;
    this.tokens = Math.min(rate * 4, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

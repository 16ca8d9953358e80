import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { writePresenceUpdate } from '../../server/sync/stampPresence.ts';

/** A websocket that speaks only what a test makes it send: a hostile or broken client. */
export interface RawSocket {
  ws: WebSocket;
  /** The close code once closed (by either side). */
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
  /** Frames received so far. */
  received: Uint8Array[];
}

/** Opens a raw websocket to `url`; resolves once open, or with the refusal's close code. */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawSocket | { refused: number; reason: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    const received: Uint8Array[] = [];
    let open = false;
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.on('close', (code, reason) => done({ code, reason: reason.toString() })));
    ws.on('error', () => {});
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    ws.on('open', () => {
      open = true;
      resolve({ ws, closed, received, send: (frame) => ws.send(frame) });
    });
    void closed.then(({ code, reason }) => {
      if (!open) resolve({ refused: code, reason });
    });
  });
}

/** Opens a raw socket that must be accepted. */
export async function openAccepted(url: string): Promise<RawSocket> {
  const socket = await openRaw(url);
  if ('refused' in socket) throw new Error(`refused with ${socket.refused} ${socket.reason}`);
  return socket;
}

/**
 * How the server answers a connection attempt: the close code of a refusal (refusals complete the
 * upgrade, then close with a code; 1006 when not upgraded at all), or 'open' when it stays open.
 */
export async function outcomeOf(url: string, ms = 1000, headers: Record<string, string> = {}): Promise<number | 'open'> {
  const socket = await openRaw(url, headers);
  if ('refused' in socket) return socket.refused;
  const outcome = await closeCodeWithin(socket, ms);
  socket.ws.close();
  return outcome;
}

/** Resolves with the close code, or 'open' if the socket is still open after `ms`. */
export function closeCodeWithin(socket: RawSocket, ms = 2000): Promise<number | 'open'> {
  return Promise.race([socket.closed.then(({ code }) => code), new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms))]);
}

/** An awareness message with these entries, as any client may write it. */
export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, writePresenceUpdate(entries));
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** A sync step 1 carrying `stateVector` (empty: "send me everything"). */
export function syncStep1Frame(stateVector = new Uint8Array([0])): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, stateVector);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** A "query awareness" message: the server answers with every presence state. */
export const queryAwarenessFrame = (): Buffer => Buffer.from([3]);

/** The update inside a received sync step 2 or update frame, if it is one. */
export function updateOfFrame(frame: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== 0) return undefined;
  const type = decoding.readVarUint(decoder);
  return type === 1 || type === 2 ? decoding.readVarUint8Array(decoder) : undefined;
}

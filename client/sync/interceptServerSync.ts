import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;

export interface ServerSyncListener {
  /** The server sent its (durable) state vector: at the handshake and after storing our updates. */
  onServerStateVector(stateVector: Map<number, number>): void;
  /** The server answered one of our sync step 1 messages (after storing everything we sent before it). */
  onStep2(): void;
}

/**
 * Wraps the provider's sync message handler to peek at what the server says before the stock
 * handler processes it. Returns a function that restores the original handler.
 */
export function interceptServerSync(provider: WebsocketProvider, listener: ServerSyncListener): () => void {
  const original = provider.messageHandlers[MESSAGE_SYNC];
  if (!original) throw new Error('y-websocket has no sync message handler');
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, target, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    const syncType = decoding.readVarUint(peek);
    const stateVector = syncType === SYNC_STEP_1 ? Y.decodeStateVector(decoding.readVarUint8Array(peek)) : undefined;
    original(encoder, decoder, target, emitSynced, messageType);
    if (stateVector) listener.onServerStateVector(stateVector);
    else if (syncType === SYNC_STEP_2) listener.onStep2();
  };
  return () => {
    provider.messageHandlers[MESSAGE_SYNC] = original;
  };
}

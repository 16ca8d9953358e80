import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { ClientProtocol } from '../servers/ServerUnderTest.ts';
import { now } from '../measure/now.ts';

/** A stock provider connected to one room, from Node. */
export interface ProviderConnection {
  readonly doc: Y.Doc;
  readonly awareness: Awareness | null;
  /** Resolves after the first sync with the server. */
  readonly synced: Promise<void>;
  /** When the last websocket message arrived (before the provider handled it), in `now()` time. */
  lastMessageAt(): number;
  destroy(): void;
}

/** A `ws` WebSocket that notes each message's arrival before the provider's own handler runs. */
function timestampingWebSocket(onMessage: () => void): new (address: string, protocols?: string | string[]) => WebSocket {
  return class TimestampingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', onMessage);
    }
  };
}

/**
 * Opens `room` on `url` with the client the server speaks: y-websocket 3's `WebsocketProvider`
 * (BroadcastChannel off) or Hocuspocus' own provider.
 */
export function connectProvider(protocol: ClientProtocol, url: string, room: string, doc: Y.Doc): ProviderConnection {
  let lastMessageAt = 0;
  const WebSocketPolyfill = timestampingWebSocket(() => (lastMessageAt = now()));
  if (protocol === 'y-websocket') {
    const provider = new WebsocketProvider(url, room, doc, {
      WebSocketPolyfill: WebSocketPolyfill as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 1000,
    });
    const synced = new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', () => resolve());
    });
    return { doc, awareness: provider.awareness, synced, lastMessageAt: () => lastMessageAt, destroy: () => provider.destroy() };
  }
  let markSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, onSynced: () => markSynced() });
  provider.attach();
  return {
    doc,
    awareness: provider.awareness,
    synced,
    lastMessageAt: () => lastMessageAt,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

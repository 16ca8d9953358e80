import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { roomName, type RoomAddress } from '../../shared/syncPath.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  synced: Promise<void>;
  destroy(): void;
}

/** Where to connect: the server's `/sync` URL and the session token to show (none: anonymous). */
export interface SyncEndpoint {
  wsUrl: string;
  token?: string;
}

/**
 * A stock y-websocket provider from Node, as any third-party client would connect; the session token
 * goes as the `token` URL parameter, as the web app sends it.
 */
export function connectClient(endpoint: SyncEndpoint, address: RoomAddress, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(endpoint.wsUrl, roomName(address), doc, {
    params: endpoint.token ? { token: endpoint.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    provider,
    text: doc.getText('text'),
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` passes or the timeout expires (then throws with `what`). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

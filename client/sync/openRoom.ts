import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { roomName, type RoomAddress } from '../../shared/syncPath.ts';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { announceAccessChange } from '../auth/accessEvents.ts';
import { readSession } from '../auth/sessionStorage.ts';
import { SyncStatusStore } from './SyncStatusStore.ts';
import { syncServerUrl } from './syncServerUrl.ts';

/** One synced Yjs document: local IndexedDB copy, websocket provider and its honest status. */
export interface Room {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly status: SyncStatusStore;
  /** Resolves once the local copy is loaded (or could not be). */
  readonly loaded: Promise<void>;
  /**
   * Deletes this browser's offline copy of the room (with any change in it the server has not
   * stored): the way out when the server refused a change in it (4422), which the copy would
   * otherwise send again at every connection. Reload afterwards.
   */
  discardLocalCopy(): Promise<void>;
  destroy(): void;
}

/** How long to wait for IndexedDB before connecting anyway (it can hang in some private modes). */
const LOCAL_LOAD_TIMEOUT_MS = 2000;

/**
 * Opens a room: the IndexedDB copy is created (and loaded) before the provider connects, so that
 * changes made offline are part of the first sync. Cross-tab BroadcastChannel sync is off: every tab
 * talks to the server, so each tab's acknowledgement state is exact.
 */
export function openRoom(address: RoomAddress): Room {
  const name = roomName(address);
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`normspace:${name}`, doc);
  // The session rides as the `token` URL parameter: browsers cannot set headers on websockets.
  const token = readSession(address.workspaceId)?.token;
  const provider = new WebsocketProvider(syncServerUrl(), name, doc, { connect: false, disableBc: true, params: token ? { token } : {} });
  const status = new SyncStatusStore(name, doc, provider);
  provider.on('connection-close', (event) => {
    const codes: number[] = [CloseCodes.AccessChanged.code, CloseCodes.Forbidden.code, CloseCodes.Unauthorized.code];
    if (event && codes.includes(event.code)) {
      announceAccessChange(address.workspaceId);
    }
  });
  let destroyed = false;
  const loaded = Promise.race([
    persistence.whenSynced.then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS)),
  ]);
  void loaded.then(() => {
    if (!destroyed) status.start();
  });
  return {
    name,
    doc,
    provider,
    status,
    loaded,
    async discardLocalCopy() {
      provider.disconnect();
      await persistence.clearData();
    },
    destroy() {
      destroyed = true;
      status.destroy();
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}

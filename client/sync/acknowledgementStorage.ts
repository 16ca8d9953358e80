import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * What this browser knows about a document's durability, kept in localStorage so that an offline
 * reload still counts unsynced changes correctly: the server's last acknowledged state vector, the
 * Yjs client ids this browser wrote with, and deletions not yet confirmed.
 */
export interface AcknowledgementState {
  serverStateVector: Map<number, number>;
  ownClients: number[];
  pendingDeletions: number;
}

interface Stored {
  sv?: string;
  own?: number[];
  del?: number;
}

const MAX_OWN_CLIENTS = 64;

function storageKey(room: string): string {
  return `normspace:ack:${room}`;
}

export function loadAcknowledgement(room: string): AcknowledgementState {
  const empty: AcknowledgementState = { serverStateVector: new Map(), ownClients: [], pendingDeletions: 0 };
  try {
    const raw = localStorage.getItem(storageKey(room));
    if (!raw) return empty;
    const stored = JSON.parse(raw) as Stored;
    return {
      serverStateVector: stored.sv ? Y.decodeStateVector(fromBase64(stored.sv)) : new Map(),
      ownClients: Array.isArray(stored.own) ? stored.own.filter((id) => Number.isInteger(id)) : [],
      pendingDeletions: typeof stored.del === 'number' && stored.del > 0 ? stored.del : 0,
    };
  } catch {
    return empty;
  }
}

export function saveAcknowledgement(room: string, state: AcknowledgementState): void {
  const sv = Y.encodeStateVector(state.serverStateVector);
  const stored: Stored = {
    sv: toBase64(sv),
    own: state.ownClients.slice(-MAX_OWN_CLIENTS),
    del: state.pendingDeletions,
  };
  try {
    localStorage.setItem(storageKey(room), JSON.stringify(stored));
  } catch {
    // Storage full or blocked: the count is then only right until the next reload.
  }
}

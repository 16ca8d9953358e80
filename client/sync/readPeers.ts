import type { Awareness } from 'y-protocols/awareness';

/** Someone with the same room open, as their awareness state describes them. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** On the workspace index: the document they have open, if any. */
  documentId?: string;
  isSelf: boolean;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = '#475467';

/** Everyone in the awareness who has a name, yourself first, then by name. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string' || user.name.trim() === '') return;
    const documentId = (state as { documentId?: unknown }).documentId;
    peers.push({
      clientId,
      name: user.name.trim().slice(0, 40),
      color: typeof user.color === 'string' && COLOR.test(user.color) ? user.color : FALLBACK_COLOR,
      ...(typeof documentId === 'string' ? { documentId } : {}),
      isSelf: clientId === awareness.clientID,
    });
  });
  return peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

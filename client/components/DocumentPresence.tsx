import { useAwarenessPeers } from '../hooks/useAwarenessPeers.ts';
import type { Room } from '../sync/openRoom.ts';
import { PresenceList } from './PresenceList.tsx';

/** Who has this document open, live from its awareness. */
export function DocumentPresence({ room }: { room: Room }) {
  const peers = useAwarenessPeers(room.provider.awareness);
  return <PresenceList peers={peers} label="Others in this document" />;
}

import type { Peer } from '../sync/readPeers.ts';
import { Avatar } from './Avatar.tsx';

const VISIBLE = 5;

/** "Who is here": avatar and name of everyone else in the room (you are the header's identity button). */
export function PresenceList({ peers, label }: { peers: Peer[]; label: string }) {
  const others = peers.filter((peer) => !peer.isSelf);
  const shown = others.slice(0, VISIBLE);
  const hidden = others.slice(VISIBLE);
  return (
    <div className="presence">
      <h2 className="visually-hidden">{label}</h2>
      {others.length === 0 && <p className="presence__alone">Only you here</p>}
      <ul className="presence__list" aria-label={label} hidden={others.length === 0}>
        {shown.map((peer) => (
          <li key={peer.clientId} className="presence__person" title={peer.name}>
            <Avatar name={peer.name} color={peer.color} />
            <span className="presence__name">{peer.name}</span>
          </li>
        ))}
        {hidden.length > 0 && (
          <li className="presence__more" title={hidden.map((peer) => peer.name).join(', ')}>
            +{hidden.length} <span className="visually-hidden">more: {hidden.map((peer) => peer.name).join(', ')}</span>
          </li>
        )}
      </ul>
    </div>
  );
}

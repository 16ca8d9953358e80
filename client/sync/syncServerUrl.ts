import { SYNC_PATH_PREFIX } from '../../shared/syncPath.ts';

/** `ws(s)://<this host>/sync`, the base URL the y-websocket provider appends room names to. */
export function syncServerUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${SYNC_PATH_PREFIX}`;
}

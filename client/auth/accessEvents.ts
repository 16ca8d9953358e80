/**
 * A signal that what we may do in a workspace may have changed: the server closed a connection with
 * 4509 (access changed) or 4403. The membership hook then asks the server again.
 */
const EVENT = 'normspace:access-changed';

export function announceAccessChange(workspaceId: string): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: workspaceId }));
}

export function onAccessChange(workspaceId: string, listener: () => void): () => void {
  const handler = (event: Event) => {
    if ((event as CustomEvent<string>).detail === workspaceId) listener();
  };
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}

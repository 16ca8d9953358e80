/**
 * How many of the local document's operations the server has not confirmed yet: for every client
 * id, the local clock beyond the server's acknowledged clock. Both are Yjs state vectors.
 */
export function countUnsyncedChanges(
  local: Map<number, number>,
  server: Map<number, number> | undefined,
): number {
  let unsynced = 0;
  for (const [clientId, clock] of local) {
    const acknowledged = server?.get(clientId) ?? 0;
    if (clock > acknowledged) unsynced += clock - acknowledged;
  }
  return unsynced;
}

import type { ClientFingerprint } from '../clients/workerProtocol.ts';

/** Rooms in which not every client ended with the same content and state vector. */
export function divergedRooms(fingerprints: ClientFingerprint[]): string[] {
  const byRoom = new Map<string, Set<string>>();
  for (const { room, hash } of fingerprints) {
    const hashes = byRoom.get(room) ?? new Set<string>();
    hashes.add(hash);
    byRoom.set(room, hashes);
  }
  return [...byRoom].filter(([, hashes]) => hashes.size > 1).map(([room]) => room);
}

import type { Room } from './openRoom.ts';

/**
 * Calls `onReady` once the room holds what there is to see: after its first sync with the server,
 * or, when the server cannot be reached or refuses it, once the local copy is loaded.
 * Returns a function that stops watching.
 */
export function watchRoomReady(room: Room, onReady: () => void): () => void {
  let localLoaded = false;
  let done = false;
  const check = () => {
    if (done) return;
    const { phase } = room.status.getSnapshot();
    if (phase === 'connected' || (localLoaded && (phase === 'offline' || phase === 'refused'))) {
      done = true;
      unsubscribe();
      onReady();
    }
  };
  const unsubscribe = room.status.subscribe(check);
  void room.loaded.then(() => {
    localLoaded = true;
    check();
  });
  check();
  return () => {
    done = true;
    unsubscribe();
  };
}

/**
 * Subscribes `listener` to changes of one localStorage entry: those this tab announces through
 * `listeners`, and those other tabs make (the `storage` event).
 */
export function subscribeStorageKey(key: string, listeners: Set<() => void>, listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

import { useCallback, useState } from 'react';

/** A piece of UI state remembered in this browser (localStorage), e.g. the open sidebar tab. */
export function usePersistentState<T extends string>(key: string, initial: T, allowed?: readonly T[]): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored !== null && (!allowed || (allowed as readonly string[]).includes(stored)) ? (stored as T) : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, next);
      } catch {
        // Storage full or blocked: the choice lasts for this page only.
      }
    },
    [key],
  );
  return [value, set];
}

import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `delayMs` (at once when `immediate`). */
export function useSettledValue<T>(value: T, delayMs: number, immediate = false): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (immediate) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs, immediate]);
  return settled;
}

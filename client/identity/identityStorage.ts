import { isUserColor } from './userColors.ts';

/** How this person appears to others: in presence lists and on their caret. */
export interface Identity {
  name: string;
  color: string;
}

export const NAME_MAX_LENGTH = 40;
const KEY = 'normspace:identity';
const listeners = new Set<() => void>();
let cached: { raw: string | null; identity: Identity | null } | undefined;
/** Used when localStorage is blocked: the identity then lasts until the tab closes. */
let memoryRaw: string | null = null;

function parse(raw: string | null): Identity | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Identity>;
    const name = typeof value.name === 'string' ? value.name.trim().slice(0, NAME_MAX_LENGTH) : '';
    if (!name || !isUserColor(value.color)) return null;
    return { name, color: value.color };
  } catch {
    return null;
  }
}

/** The stored identity; the same object until it changes (a `useSyncExternalStore` snapshot). */
export function readIdentity(): Identity | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    raw = memoryRaw;
  }
  if (cached?.raw !== raw) cached = { raw, identity: parse(raw) };
  return cached.identity;
}

export function writeIdentity(identity: Identity): void {
  const clean: Identity = { name: identity.name.trim().slice(0, NAME_MAX_LENGTH), color: identity.color };
  const raw = JSON.stringify(clean);
  try {
    localStorage.setItem(KEY, raw);
  } catch {
    memoryRaw = raw;
  }
  for (const listener of listeners) listener();
}

export function subscribeIdentity(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

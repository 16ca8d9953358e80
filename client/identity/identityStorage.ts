import { isUserColor } from './userColors.ts';
import { subscribeStorageKey } from './subscribeStorageKey.ts';

/** How this person appears to others: in presence lists and on their caret. */
export interface Identity {
  /** Stable random id of this browser's person (generated once, kept with the name). */
  id: string;
  name: string;
  color: string;
}

/** A random id for a person; older stored identities get one the first time they are read. */
export function newPersonId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `p${[...bytes].map((b) => (b % 36).toString(36)).join('')}`;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

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
    const id = typeof value.id === 'string' && ID_PATTERN.test(value.id) ? value.id : '';
    return { id, name, color: value.color };
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
  if (cached?.raw !== raw) {
    const identity = parse(raw);
    if (identity && !identity.id) {
      // An identity saved before ids existed: give it one, once, and keep it.
      identity.id = newPersonId();
      const upgraded = store(identity);
      cached = { raw: upgraded, identity };
    } else {
      cached = { raw, identity };
    }
  }
  return cached.identity;
}

function store(identity: Identity): string {
  const raw = JSON.stringify(identity);
  try {
    localStorage.setItem(KEY, raw);
  } catch {
    memoryRaw = raw;
  }
  return raw;
}

/** Saves the name and colour; the id stays the one already stored (or a new one on a first visit). */
export function writeIdentity(identity: Omit<Identity, 'id'> & { id?: string }): void {
  const id = identity.id || readIdentity()?.id || newPersonId();
  store({ id, name: identity.name.trim().slice(0, NAME_MAX_LENGTH), color: identity.color });
  for (const listener of listeners) listener();
}

export function subscribeIdentity(listener: () => void): () => void {
  return subscribeStorageKey(KEY, listeners, listener);
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { HEX_COLOR } from '../../shared/taxonomy/taxonomyValues.ts';

export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** Null: the client left. */
  state: unknown;
}

/** Reads an awareness update (y-protocols' encoding); throws on anything malformed. */
export function readPresenceUpdate(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ clientId, clock, state });
  }
  return entries;
}

export function writePresenceUpdate(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

const DEFAULT_COLOR = '#475467';

/**
 * A presence state as others will see it: its `user` (name and colour shown on carets and in "who
 * is here") names the member behind the connection, whatever the client said (a `user` that is not
 * an object becomes one); the colour stays the member's own pick when it is a plain hex colour.
 * States without a user (rooms opened only to read) are left as they are; a state that is not an
 * object says nothing about anyone and is dropped (null: the client left).
 */
export function stampPresenceState(state: unknown, member: { id: string; name: string }): unknown {
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state)) return {};
  if (!('user' in state)) return state;
  const given = (state as { user?: unknown }).user;
  const user = typeof given === 'object' && given !== null && !Array.isArray(given) ? given : {};
  const color = (user as { color?: unknown }).color;
  return { ...state, user: { ...user, id: member.id, name: member.name, color: typeof color === 'string' && HEX_COLOR.test(color) ? color : DEFAULT_COLOR } };
}

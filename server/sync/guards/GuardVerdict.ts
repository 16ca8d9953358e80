/** A guard's refusal of an update: the reason is logged and sent to the client as the close reason. */
export interface Refusal {
  ok: false;
  reason: string;
}

/** What a room guard says of one update. */
export type GuardVerdict = { ok: true } | Refusal;

export const ACCEPTED: GuardVerdict = { ok: true };

export function refused(reason: string): Refusal {
  return { ok: false, reason };
}

import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * True when an update adds nothing to `doc`: no structs, and every deletion it carries is already
 * deleted there. A stock client answers each acknowledgement (a sync step 1) with a step 2 holding
 * the whole delete set of its document; without this check the server would store that again,
 * several times a second per writer. `doc` only ever holds what is stored, so skipping such an
 * update loses nothing. Cost: a binary search per deleted range.
 */
export function isRedundantUpdate(doc: Y.Doc, { structs, ds }: DecodedUpdate): boolean {
  if (structs.length > 0) return false;
  for (const [client, ranges] of ds.clients) {
    const known = doc.store.clients.get(client);
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (!known || clock + len > state) return false; // deletes something not yet here
      for (let index = Y.findIndexSS(known, clock); index < known.length; index++) {
        const struct = known[index]!;
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) return false;
      }
    }
  }
  return true;
}

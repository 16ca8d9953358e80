import * as encoding from 'lib0/encoding';

const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

function syncFrame(kind: number, update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** A y-protocols sync update message carrying `update`, as a raw client would send it. */
export const syncUpdateFrame = (update: Uint8Array): Buffer => syncFrame(SYNC_UPDATE, update);

/** A y-protocols sync step 2 message carrying `update`: the other way a client can push state. */
export const syncStep2Frame = (update: Uint8Array): Buffer => syncFrame(SYNC_STEP_2, update);

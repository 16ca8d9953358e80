import type * as Y from 'yjs';
import type { DecodedUpdate } from './BatchView.ts';
import type { GuardVerdict } from './GuardVerdict.ts';
import type { Writer } from './Writer.ts';

/** The limits every room guard applies (see server/config.ts). */
export interface GuardLimits {
  /** Most clients an update may introduce to the document. */
  maxNewClientsPerUpdate: number;
  /** Deepest an item may sit below its root type (nested elements of the text). */
  maxNestingDepth: number;
}

/** Checks the updates of one batch, in order, against the stored document and the ones accepted before. */
export interface BatchCheck {
  /**
   * A peer's update (`writer` set) is checked and, when accepted, counted in for the next ones; a
   * change the server made itself (`writer` undefined) is only counted in.
   */
  check(update: Uint8Array, decoded: DecodedUpdate, writer: Writer | undefined): GuardVerdict;
}

/**
 * The rules of one kind of room, applied to every update a peer sends before anything of it is
 * stored or reaches anyone: the server's half of "each member writes only as themselves".
 */
export interface RoomGuard {
  beginBatch(doc: Y.Doc): BatchCheck;
  /** Forgets what it keeps between batches that memory no longer matches (the Y.Doc was freed, a store failed). */
  reset(): void;
}

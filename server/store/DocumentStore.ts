/**
 * Persistence of Yjs documents as an append-only log of updates plus an optional snapshot.
 * Implementations: SqliteStore (embedded, default). A PostgreSQL store would implement the same.
 *
 * Contract: once `append` resolves, the updates survive a crash of the process (SIGKILL) and are
 * returned by every later `load`, in order, after the snapshot that precedes them.
 */
export interface StoredDocument {
  /** Snapshot first (if any), then every update appended after it, in append order. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when empty); pass it to `compact`. */
  lastSeq: number;
  /** Bytes of snapshot + updates: what a load reads. */
  bytes: number;
}

export interface DocumentStore {
  load(key: string): Promise<StoredDocument>;
  /** Durably appends updates; resolves with the sequence number of the last one. */
  append(key: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces the snapshot and every update up to `throughSeq` by `snapshot`, atomically. */
  compact(key: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Keys of every stored document whose key starts with `prefix`. */
  listKeys(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Thrown when a store cannot be opened; the data is left untouched. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

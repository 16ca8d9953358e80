import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreOpenError, type DocumentStore, type StoredDocument } from './DocumentStore.ts';
import { ensureDataDir, prepareSqliteFile } from './privateFiles.ts';

const SCHEMA_VERSION = 1;
export const SQLITE_FILE_NAME = 'normspace.sqlite';

const SCHEMA = `
  CREATE TABLE documents (
    key TEXT PRIMARY KEY,
    snapshot BLOB,
    snapshot_seq INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX updates_by_key ON updates (key, seq);
`;

/** An `append` waiting for the next group commit. */
interface PendingAppend {
  key: string;
  updates: Uint8Array[];
  resolve: (seq: number) => void;
  reject: (error: Error) => void;
}

/**
 * Embedded store on better-sqlite3 (WAL, synchronous=FULL). Appends are group-committed: every
 * `append` called during one turn of the event loop, for any document, goes into one transaction
 * (one fsync) on the next turn, and each resolves only once that transaction is on disk. With many
 * documents being edited at once this costs one fsync per turn instead of one per document.
 */
export class SqliteStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly statements;
  private pendingAppends: PendingAppend[] = [];

  private constructor(db: Database.Database) {
    this.db = db;
    this.statements = {
      touch: db.prepare(
        `INSERT INTO documents (key, created_at, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET updated_at = excluded.updated_at`,
      ),
      insertUpdate: db.prepare('INSERT INTO updates (key, data) VALUES (?, ?)'),
      snapshot: db.prepare<[string], { snapshot: Buffer | null; snapshot_seq: number }>(
        'SELECT snapshot, snapshot_seq FROM documents WHERE key = ?',
      ),
      updates: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE key = ? ORDER BY seq',
      ),
      writeSnapshot: db.prepare('UPDATE documents SET snapshot = ?, snapshot_seq = ?, updated_at = ? WHERE key = ?'),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE key = ? AND seq <= ?'),
      keys: db.prepare<[{ prefix: string }], { key: string }>(
        'SELECT key FROM documents WHERE substr(key, 1, length(@prefix)) = @prefix ORDER BY key',
      ),
    };
  }

  /**
   * Opens (or creates) `<dataDir>/normspace.sqlite`, readable by its owner only (with its -wal and -shm
   * files; wider modes are tightened). Never deletes or rewrites an unreadable file.
   */
  static open(dataDir: string): SqliteStore {
    const file = path.join(dataDir, SQLITE_FILE_NAME);
    try {
      ensureDataDir(dataDir);
      prepareSqliteFile(file);
    } catch (error) {
      throw new StoreOpenError(`Cannot create data directory ${dataDir}: ${(error as Error).message}`);
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(file);
      // Reading the schema fails on a file that is not a SQLite database, before anything is written.
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new Error(`it was written by a newer Normspace (schema ${version}, this one knows ${SCHEMA_VERSION})`);
      }
      if (version === 0 && tables.length > 0) {
        throw new Error('it holds tables that Normspace did not create');
      }
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      if (version === 0) {
        db.transaction(() => {
          db!.exec(SCHEMA);
          db!.pragma(`user_version = ${SCHEMA_VERSION}`);
        })();
      }
      return new SqliteStore(db);
    } catch (error) {
      db?.close();
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError(
        `Cannot open the store ${file}: ${(error as Error).message}. The file was left untouched; ` +
          'point DATA_DIR elsewhere or restore a backup.',
      );
    }
  }

  async load(key: string): Promise<StoredDocument> {
    const head = this.statements.snapshot.get(key);
    const updates: Uint8Array[] = [];
    let bytes = 0;
    let lastSeq = head?.snapshot_seq ?? 0;
    if (head?.snapshot) {
      updates.push(head.snapshot);
      bytes += head.snapshot.byteLength;
    }
    for (const row of this.statements.updates.iterate(key)) {
      updates.push(row.data);
      bytes += row.data.byteLength;
      lastSeq = row.seq;
    }
    return { updates, lastSeq, bytes };
  }

  /** One transaction for every pending append; returns the last sequence number of each. */
  private readonly appendTx = (appends: PendingAppend[]): number[] => {
    return this.db.transaction(() =>
      appends.map(({ key, updates }) => {
        this.statements.touch.run(key, Date.now(), Date.now());
        let seq = 0;
        for (const update of updates) seq = Number(this.statements.insertUpdate.run(key, update).lastInsertRowid);
        return seq;
      }),
    )();
  };

  append(key: string, updates: Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      if (!this.db.open) return reject(new Error('the store is closed'));
      this.pendingAppends.push({ key, updates, resolve, reject });
      // appends made in this turn (by any document's writer) join the commit of the next turn
      if (this.pendingAppends.length === 1) setImmediate(() => this.commitPendingAppends());
    });
  }

  private commitPendingAppends(): void {
    const appends = this.pendingAppends;
    this.pendingAppends = [];
    if (appends.length === 0) return;
    let seqs: number[];
    try {
      seqs = this.appendTx(appends);
    } catch (error) {
      for (const pending of appends) pending.reject(error as Error);
      return;
    }
    appends.forEach((pending, index) => pending.resolve(seqs[index]!));
  }

  async compact(key: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.touch.run(key, Date.now(), Date.now());
      this.statements.writeSnapshot.run(snapshot, throughSeq, Date.now(), key);
      this.statements.deleteUpdates.run(key, throughSeq);
    })();
  }

  async listKeys(prefix: string): Promise<string[]> {
    return this.statements.keys.all({ prefix }).map((row) => row.key);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commitPendingAppends();
    this.db.close();
  }
}

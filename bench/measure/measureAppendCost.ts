import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { schema as hocuspocusSchema, upsertQuery as hocuspocusUpsert } from '@hocuspocus/extension-sqlite';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { REPO_ROOT } from '../repoRoot.ts';
import type { ServerKind } from '../servers/ServerUnderTest.ts';

/** Microseconds per stored update: one at a time, and 100 documents storing one each in the same turn. */
export interface AppendCost {
  singleUs: number;
  groupUs: number;
  note: string;
}

const GROUP = 100;

/** Single-character updates as an editor produces them. */
function typedUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  for (let i = 0; i < count; i++) text.insert(i, 'x');
  return updates;
}

async function timeEach(count: number, store: (index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await store(i);
  return ((performance.now() - started) * 1000) / count;
}

async function timeGroup(store: (index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: GROUP }, (_, i) => store(i)));
  return ((performance.now() - started) * 1000) / GROUP;
}

/**
 * The cost of storing an update in each server's own persistence layer, called directly (the
 * modules the servers load, from where they load them): Normspace's SqliteStore (durable on
 * return), y-leveldb's `storeUpdate` (no fsync), and for Hocuspocus, which stores whole documents
 * (debounced), one upsert of a whole document of `wholeDocument` bytes.
 */
export async function measureAppendCost(kind: ServerKind, dir: string, count: number, wholeDocument: Uint8Array): Promise<AppendCost> {
  fs.mkdirSync(dir, { recursive: true });
  const updates = typedUpdates(count);
  const nth = (i: number) => updates[i % updates.length]!;
  if (kind === 'normspace') {
    const store = SqliteStore.open(dir);
    try {
      const singleUs = await timeEach(count, (i) => store.append('w/single', [nth(i)]));
      const groupUs = await timeGroup((i) => store.append(`w/doc-${i}`, [nth(i)]));
      return { singleUs, groupUs, note: 'SqliteStore.append: on disk (fsync) when it resolves; appends of one turn share a commit' };
    } finally {
      await store.close();
    }
  }
  if (kind === 'reference') {
    // the y-leveldb the reference server loads, through its ES module entry (so that it shares our Yjs)
    const requireFromReference = createRequire(path.join(REPO_ROOT, 'node_modules/y-websocket-legacy/bin/utils.js'));
    const leveldbDir = path.dirname(requireFromReference.resolve('y-leveldb/package.json'));
    const { LeveldbPersistence } = (await import(pathToFileURL(path.join(leveldbDir, 'src/y-leveldb.js')).href)) as {
      LeveldbPersistence: new (location: string) => { storeUpdate(doc: string, update: Uint8Array): Promise<number>; destroy(): Promise<void> };
    };
    const ldb = new LeveldbPersistence(dir);
    try {
      const singleUs = await timeEach(count, (i) => ldb.storeUpdate('single', nth(i)));
      const groupUs = await timeGroup((i) => ldb.storeUpdate(`doc-${i}`, nth(i)));
      return { singleUs, groupUs, note: 'y-leveldb storeUpdate: written to LevelDB without fsync' };
    } finally {
      await ldb.destroy();
    }
  }
  const requireFromExtension = createRequire(path.join(REPO_ROOT, 'node_modules/@hocuspocus/extension-sqlite/package.json'));
  const sqlite3 = requireFromExtension('sqlite3') as {
    Database: new (file: string) => {
      run(sql: string, params: Record<string, unknown>, callback: (error: Error | null) => void): void;
      exec(sql: string, callback: (error: Error | null) => void): void;
      close(callback: () => void): void;
    };
  };
  const db = new sqlite3.Database(path.join(dir, 'hocuspocus.sqlite'));
  const run = (sql: string, params: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  try {
    await new Promise<void>((resolve, reject) => db.exec(hocuspocusSchema, (error) => (error ? reject(error) : resolve())));
    const store = (i: number) => run(hocuspocusUpsert, { $name: `doc-${i}`, $data: Buffer.from(wholeDocument) });
    const singleUs = await timeEach(Math.min(count, 50), () => store(0));
    const groupUs = await timeGroup(store);
    return {
      singleUs,
      groupUs,
      note: `Hocuspocus stores whole documents, debounced (2–10 s), not updates: one upsert of a ${Math.round(wholeDocument.byteLength / 1024)} KB document`,
    };
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

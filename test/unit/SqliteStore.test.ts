import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StoreOpenError } from '../../server/store/DocumentStore.ts';
import { SQLITE_FILE_NAME, SqliteStore } from '../../server/store/SqliteStore.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('SqliteStore', () => {
  it('returns appended updates in order, across a reopen', async () => {
    const dir = tempDir();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('t').insert(0, 'norms');
    source.getText('t').insert(5, ' and agreements');
    const store = SqliteStore.open(dir);
    await store.append('w/d', [updates[0]!]);
    const lastSeq = await store.append('w/d', [updates[1]!]);
    await store.close();

    const reopened = SqliteStore.open(dir);
    const loaded = await reopened.load('w/d');
    expect(loaded.lastSeq).toBe(lastSeq);
    expect(docFrom(loaded.updates).getText('t').toString()).toBe('norms and agreements');
    expect(await reopened.listKeys('w/')).toEqual(['w/d']);
    expect(await reopened.listKeys('x/')).toEqual([]);
    await reopened.close();
  });

  it('compaction replaces the log by one snapshot and reloads to the same document', async () => {
    const store = SqliteStore.open(tempDir());
    const doc = new Y.Doc();
    let seq = 0;
    doc.on('update', (update: Uint8Array) => void store.append('w/d', [update]).then((s) => (seq = s)));
    for (let i = 0; i < 50; i++) doc.getText('t').insert(i, String(i % 10));
    await new Promise((resolve) => setImmediate(resolve));
    const before = await store.load('w/d');
    expect(before.updates).toHaveLength(50);

    await store.compact('w/d', Y.encodeStateAsUpdate(doc), seq);
    doc.getText('t').insert(0, 'x');
    await new Promise((resolve) => setImmediate(resolve));
    const after = await store.load('w/d');
    expect(after.updates).toHaveLength(2); // snapshot + the update appended after it
    expect(docFrom(after.updates).getText('t').toString()).toBe(doc.getText('t').toString());
    await store.close();
  });

  it('group-commits appends of several documents made in one turn; each resolves with its own last seq', async () => {
    const dir = tempDir();
    const store = SqliteStore.open(dir);
    const docs = ['w/a', 'w/b', 'w/c'].map((key) => ({ key, doc: new Y.Doc(), updates: [] as Uint8Array[] }));
    for (const [index, entry] of docs.entries()) {
      entry.doc.on('update', (update: Uint8Array) => entry.updates.push(update));
      entry.doc.getText('t').insert(0, `document ${index}`);
      entry.doc.getText('t').insert(0, '> ');
    }
    let resolvedEarly = false;
    const pending = docs.map(({ key, updates }) => store.append(key, updates));
    void Promise.race(pending).then(() => (resolvedEarly = true));
    await Promise.resolve();
    expect(resolvedEarly).toBe(false); // nothing is acknowledged before the commit
    const seqs = await Promise.all(pending);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 2, seqs[0]! + 4]);
    await store.close();

    const reopened = SqliteStore.open(dir);
    for (const [index, { key }] of docs.entries()) {
      const loaded = await reopened.load(key);
      expect(loaded.lastSeq).toBe(seqs[index]);
      expect(docFrom(loaded.updates).getText('t').toString()).toBe(`> document ${index}`);
    }
    await reopened.close();
  });

  it('stores appends still pending when it is closed, and refuses appends after', async () => {
    const dir = tempDir();
    const store = SqliteStore.open(dir);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'last words');
    const appended = store.append('w/d', updates);
    await store.close();
    expect(await appended).toBeGreaterThan(0);
    await expect(store.append('w/d', updates)).rejects.toThrow(/closed/);

    const reopened = SqliteStore.open(dir);
    expect(docFrom((await reopened.load('w/d')).updates).getText('t').toString()).toBe('last words');
    await reopened.close();
  });

  it('refuses a file that is not a SQLite database and leaves it byte for byte', async () => {
    const dir = tempDir();
    const file = path.join(dir, SQLITE_FILE_NAME);
    const garbage = Buffer.from('this is not a database, it is somebody\'s notes'.repeat(100));
    fs.writeFileSync(file, garbage);
    expect(() => SqliteStore.open(dir)).toThrow(StoreOpenError);
    expect(() => SqliteStore.open(dir)).toThrow(/left untouched/);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a database written by a newer schema', async () => {
    const dir = tempDir();
    const store = SqliteStore.open(dir);
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteStore.open(dir)).toThrow(/newer Normspace/);
  });
});

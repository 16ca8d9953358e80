import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { Room, type RoomPeer } from '../../server/sync/Room.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A peer that records the document updates the room sends it. */
function fakePeer(id: string): RoomPeer & { updates: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  return {
    id,
    writer: { memberId: `member-${id}`, name: `Member ${id}`, role: 'editor' },
    awarenessClients: new Set<number>(),
    updates,
    send(message: Uint8Array) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return; // sync update only
      updates.push(decoding.readVarUint8Array(decoder));
    },
    close() {},
  };
}

/** Every update a client makes, one per keystroke. */
function typist(text: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const char of text) doc.getText('t').insert(doc.getText('t').length, char);
  return updates;
}

async function openRoom(): Promise<{ room: Room; store: SqliteStore }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-room-'));
  dirs.push(dir);
  const store = SqliteStore.open(dir);
  const room = await Room.load({ workspaceId: 'w', documentId: 'd' }, store, defaultConfig, createLogger('silent'), () => {});
  return { room, store };
}

describe('Room', () => {
  it('stores a burst, then broadcasts it to the other peers as one merged update, never back to the sender', async () => {
    const { room, store } = await openRoom();
    const writer = fakePeer('writer');
    const reader = fakePeer('reader');
    room.addPeer(writer);
    room.addPeer(reader);
    for (const update of typist('durable before broadcast')) room.receiveUpdate(update, writer);
    expect(reader.updates).toHaveLength(0); // nothing before it is stored
    await room.settled();

    expect(reader.updates).toHaveLength(1);
    expect(writer.updates).toHaveLength(0);
    const received = new Y.Doc();
    Y.applyUpdate(received, reader.updates[0]!);
    expect(received.getText('t').toString()).toBe('durable before broadcast');
    expect((await store.load('w/d')).updates).toHaveLength(24); // each keystroke stored as it came
    await room.unload();
    await store.close();
  });

  it('keeps the order of interleaved peers: each run is one message, and everyone converges', async () => {
    const { room, store } = await openRoom();
    const [a, b, c] = ['a', 'b', 'c'].map(fakePeer) as [ReturnType<typeof fakePeer>, ReturnType<typeof fakePeer>, ReturnType<typeof fakePeer>];
    for (const peer of [a, b, c]) room.addPeer(peer);
    const fromA = typist('aaaa');
    const fromB = typist('bbb');
    fromA.slice(0, 2).forEach((u) => room.receiveUpdate(u, a));
    fromB.forEach((u) => room.receiveUpdate(u, b));
    fromA.slice(2).forEach((u) => room.receiveUpdate(u, a));
    await room.settled();

    expect(c.updates).toHaveLength(3); // a's run, b's run, a's run
    expect(a.updates).toHaveLength(1); // b's run
    expect(b.updates).toHaveLength(2); // a's two runs
    const seen = (peer: ReturnType<typeof fakePeer>, own: Uint8Array[]) => {
      const doc = new Y.Doc();
      for (const update of [...own, ...peer.updates]) Y.applyUpdate(doc, update);
      return doc.getText('t').toString();
    };
    const expected = room.doc.getText('t').toString();
    expect(expected).toHaveLength(7);
    expect(seen(c, [])).toBe(expected);
    expect(seen(a, fromA)).toBe(expected);
    expect(seen(b, fromB)).toBe(expected);
    await room.unload();
    await store.close();
  });

  it('loads a document stored as one snapshot without building it, answers from the stored bytes, and builds it before storing anything', async () => {
    const { room, store } = await openRoom();
    for (const update of typist('snapshot')) room.receiveUpdate(update, fakePeer('author'));
    await room.unload(); // compacts: one row
    const reloaded = await Room.load({ workspaceId: 'w', documentId: 'd' }, store, defaultConfig, createLogger('silent'), () => {});
    expect(reloaded.isBuilt).toBe(false);
    expect(reloaded.doc.getText('t').toString()).toBe('');
    const fromBytes = new Y.Doc();
    Y.applyUpdate(fromBytes, reloaded.storedState!);
    expect(fromBytes.getText('t').toString()).toBe('snapshot');

    // an edit made on top of the stored text arrives before the document is built
    const writer = fakePeer('writer');
    const reader = fakePeer('reader');
    reloaded.addPeer(writer);
    reloaded.addPeer(reader);
    const edits: Uint8Array[] = [];
    fromBytes.on('update', (update: Uint8Array) => edits.push(update));
    fromBytes.getText('t').insert(8, ' + edit');
    reloaded.receiveUpdate(edits[0]!, writer);
    expect(reloaded.storedState).toBeUndefined(); // something is being stored: no more answers from bytes
    await reloaded.settled();
    expect(reloaded.isBuilt).toBe(true);
    expect(reloaded.doc.getText('t').toString()).toBe('snapshot + edit');
    expect(reader.updates).toHaveLength(1); // the edit, not the loaded snapshot
    const stored = await store.load('w/d');
    expect(stored.updates).toHaveLength(2); // the snapshot and the edit after it
    await reloaded.unload();
    await store.close();
  });

  it('keeps a document that was loaded and unloaded without ever being built', async () => {
    const { room, store } = await openRoom();
    for (const update of typist('kept')) room.receiveUpdate(update, fakePeer('author'));
    await room.unload();
    const untouched = await Room.load({ workspaceId: 'w', documentId: 'd' }, store, defaultConfig, createLogger('silent'), () => {});
    expect(untouched.isBuilt).toBe(false);
    await untouched.unload();
    const again = await Room.load({ workspaceId: 'w', documentId: 'd' }, store, defaultConfig, createLogger('silent'), () => {});
    await again.hydrate();
    expect(again.doc.getText('t').toString()).toBe('kept');
    await again.unload();
    await store.close();
  });

  describe('dormant (Y.Doc freed while idle)', () => {
    const limits = { ...defaultConfig, dormantAfterMs: 1000, ackIntervalMs: 10 };
    const later = () => Date.now() + 2000;
    /** Everything stored and the writer's acknowledgement sent. */
    const quiet = async (room: Room) => {
      await room.settled();
      await new Promise((resolve) => setTimeout(resolve, 40));
    };

    async function openDormantCandidate() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-room-'));
      dirs.push(dir);
      const store = SqliteStore.open(dir);
      const room = await Room.load({ workspaceId: 'w', documentId: 'd' }, store, limits, createLogger('silent'), () => {});
      const writer = fakePeer('writer');
      const reader = fakePeer('reader');
      for (const peer of [writer, reader]) {
        room.leases += 1; // as the registry does for each connection
        room.addPeer(peer);
      }
      return { room, store, writer, reader };
    }

    it('frees the Y.Doc of an idle document without writing anything, and reads it back for the next edit, stored before broadcast', async () => {
      const { room, store, writer, reader } = await openDormantCandidate();
      const author = new Y.Doc();
      const edits: Uint8Array[] = [];
      author.on('update', (update: Uint8Array) => edits.push(update));
      author.getText('t').insert(0, 'idle');
      room.receiveUpdate(edits.shift()!, writer);
      await quiet(room);
      expect(room.sleepIfIdle()).toBe(false); // changed just now
      expect(room.sleepIfIdle(later())).toBe(true);
      expect(room.isDormant).toBe(true);
      expect(room.isBuilt).toBe(false);
      expect(() => room.doc).toThrow(/dormant/);
      expect((await store.load('w/d')).updates).toHaveLength(1); // the update, as it was stored

      author.getText('t').insert(4, ' again');
      room.receiveUpdate(edits.shift()!, writer);
      expect(reader.updates).toHaveLength(1); // not before it is stored
      await room.settled();
      expect(room.isDormant).toBe(false);
      expect(room.doc.getText('t').toString()).toBe('idle again');
      expect(reader.updates).toHaveLength(2);
      const stored = new Y.Doc();
      for (const update of (await store.load('w/d')).updates) Y.applyUpdate(stored, update);
      expect(stored.getText('t').toString()).toBe('idle again');
      await room.unload();
      await store.close();
    });

    it('keeps presence while dormant, wakes for hydrate(), and unloads without waking', async () => {
      const { room, store, writer } = await openDormantCandidate();
      for (const update of typist('kept')) room.receiveUpdate(update, writer);
      await quiet(room);
      const client = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(client);
      awareness.setLocalState({ user: { name: 'Ana' } });
      awarenessProtocol.applyAwarenessUpdate(room.awareness, awarenessProtocol.encodeAwarenessUpdate(awareness, [client.clientID]), writer);
      expect(room.sleepIfIdle(later())).toBe(true);
      expect(room.awareness.getStates().get(client.clientID)).toEqual({ user: { name: 'Ana' } });

      await room.hydrate();
      expect(room.doc.getText('t').toString()).toBe('kept');
      expect(room.sleepIfIdle(later())).toBe(true);
      await room.unload(); // read back once more to leave one compacted snapshot
      expect((await store.load('w/d')).updates).toHaveLength(1);
      const again = await Room.load({ workspaceId: 'w', documentId: 'd' }, store, defaultConfig, createLogger('silent'), () => {});
      await again.hydrate();
      expect(again.doc.getText('t').toString()).toBe('kept');
      await again.unload();
      awareness.destroy();
      await store.close();
    });

    it('stays awake while an API call holds it, while an update is pending, or until acknowledgements are sent', async () => {
      const { room, store, writer } = await openDormantCandidate();
      room.leases += 1; // an API call
      expect(room.sleepIfIdle(later())).toBe(false);
      room.leases -= 1;
      for (const update of typist('x')) room.receiveUpdate(update, writer);
      expect(room.sleepIfIdle(later())).toBe(false); // pending
      await room.settled();
      expect(room.sleepIfIdle(later())).toBe(false); // an acknowledgement is due
      await quiet(room);
      expect(room.sleepIfIdle(later())).toBe(true);
      await room.unload();
      await store.close();
    });
  });
});

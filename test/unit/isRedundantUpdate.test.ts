import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isRedundantUpdate } from '../../server/sync/isRedundantUpdate.ts';

/** A client's document and a server copy that has received everything it did. */
function pair() {
  const client = new Y.Doc();
  const server = new Y.Doc();
  client.on('update', (update: Uint8Array) => Y.applyUpdate(server, update));
  return { client, server, text: client.getText('t') };
}

/** What a stock client answers to the server's sync step 1 (its acknowledgement). */
const ackReply = (client: Y.Doc, server: Y.Doc) => Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));

describe('isRedundantUpdate', () => {
  it('is true for the answer to an acknowledgement when the server has everything, deletions included', () => {
    const { client, server, text } = pair();
    text.insert(0, 'norms and agreements');
    expect(isRedundantUpdate(server, ackReply(client, server))).toBe(true); // empty
    text.delete(5, 4);
    text.delete(0, 1);
    const reply = ackReply(client, server);
    expect(reply.ds.clients.size).toBe(1); // the whole delete set travels again
    expect(isRedundantUpdate(server, reply)).toBe(true);
  });

  it('is false when the update inserts anything, or deletes something the server still has', () => {
    const { client, server, text } = pair();
    text.insert(0, 'norms and agreements');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    const otherUpdates: Uint8Array[] = [];
    other.on('update', (update: Uint8Array) => otherUpdates.push(update));
    other.getText('t').delete(0, 6); // a deletion the server has not seen
    expect(isRedundantUpdate(server, Y.decodeUpdate(otherUpdates[0]!))).toBe(false);
    other.getText('t').insert(0, 'x');
    expect(isRedundantUpdate(server, Y.decodeUpdate(otherUpdates[1]!))).toBe(false);
  });

  it('is false when a deletion refers to items the server does not have yet', () => {
    const { client, text } = pair();
    text.insert(0, 'abc');
    text.delete(1, 1);
    const empty = new Y.Doc();
    expect(isRedundantUpdate(empty, Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(client))))).toBe(false);
  });

  it('is false when only part of a deleted range is deleted on the server', () => {
    const { client, server, text } = pair();
    text.insert(0, 'abcdef');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(client));
    text.delete(1, 1); // the server sees this one
    const updates: Uint8Array[] = [];
    peer.on('update', (update: Uint8Array) => updates.push(update));
    peer.getText('t').delete(1, 3); // overlaps it, but deletes two more
    expect(isRedundantUpdate(server, Y.decodeUpdate(updates[0]!))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countUnsyncedChanges } from '../../shared/unsyncedChanges.ts';

const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('countUnsyncedChanges', () => {
  it('counts local operations the server has not acknowledged, and none once it has', () => {
    const local = new Y.Doc();
    const server = new Y.Doc();
    local.getText('t').insert(0, 'hello');
    expect(countUnsyncedChanges(stateVector(local), undefined)).toBe(5);
    expect(countUnsyncedChanges(stateVector(local), stateVector(server))).toBe(5);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(countUnsyncedChanges(stateVector(local), stateVector(server))).toBe(0);
    local.getText('t').insert(5, '!!');
    expect(countUnsyncedChanges(stateVector(local), stateVector(server))).toBe(2);
  });

  it('does not count what the server has and the client lacks', () => {
    const local = new Y.Doc();
    const server = new Y.Doc();
    server.getText('t').insert(0, 'remote');
    expect(countUnsyncedChanges(stateVector(local), stateVector(server))).toBe(0);
  });
});

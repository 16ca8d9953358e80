import { describe, expect, it } from 'vitest';
import { INDEX_DOCUMENT_ID, parseSyncPath, roomName } from '../../shared/syncPath.ts';

describe('parseSyncPath', () => {
  it('accepts a workspace and document id and ignores the query string', () => {
    expect(parseSyncPath('/sync/bpf-2026/abc123?token=x')).toEqual({
      ok: true,
      address: { workspaceId: 'bpf-2026', documentId: 'abc123' },
    });
  });

  it('accepts the reserved index document', () => {
    const parsed = parseSyncPath(`/sync/ws/${INDEX_DOCUMENT_ID}`);
    expect(parsed.ok && parsed.address.documentId).toBe(INDEX_DOCUMENT_ID);
  });

  it.each([
    ['/sync/ws', 'expected'],
    ['/sync/ws/doc/extra', 'expected'],
    ['/sync/ws/doc/threads/more', 'expected'],
    ['/sync/ws/_index/threads', 'no threads'],
    ['/other/ws/doc', 'expected'],
    ['/sync/Upper/doc', 'invalid workspace id'],
    ['/sync/ws/..%2Fetc', 'invalid document id'],
    [`/sync/ws/${'a'.repeat(65)}`, 'invalid document id'],
    ['/sync/ws/-starts-with-dash', 'invalid document id'],
  ])('refuses %s', (path, error) => {
    const parsed = parseSyncPath(path);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });

  it('addresses a document\'s comment threads as a companion room', () => {
    expect(parseSyncPath('/sync/ws/doc/threads')).toEqual({
      ok: true,
      address: { workspaceId: 'ws', documentId: 'doc', channel: 'threads' },
    });
    expect(roomName({ workspaceId: 'ws', documentId: 'doc', channel: 'threads' })).toBe('ws/doc/threads');
  });

  it('builds the room name the provider appends to the sync URL', () => {
    expect(roomName({ workspaceId: 'w', documentId: 'd' })).toBe('w/d');
  });
});

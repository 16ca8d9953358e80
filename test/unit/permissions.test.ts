import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../shared/access/parseDuration.ts';
import { canManageRole, roomAccess } from '../../shared/access/permissions.ts';
import { ROLES } from '../../shared/access/roles.ts';

const text = { workspaceId: 'w', documentId: 'd' };
const threads = { ...text, channel: 'threads' as const };
const taxonomy = { workspaceId: 'w', documentId: '_taxonomy' };
const index = { workspaceId: 'w', documentId: '_index' };

describe('roomAccess', () => {
  it('gives each role the rooms it may write, and nobody the index or an archived document', () => {
    const table = Object.fromEntries(
      ROLES.map((role) => [
        role,
        [roomAccess(role, text), roomAccess(role, threads), roomAccess(role, taxonomy), roomAccess(role, index), roomAccess(role, text, { archived: true }), roomAccess(role, threads, { archived: true })].join(' '),
      ]),
    );
    expect(table).toEqual({
      viewer: 'read read read read read read',
      commenter: 'read write read read read read',
      editor: 'write write read read read read',
      facilitator: 'write write write read read read',
      owner: 'write write write read read read',
    });
  });
});

describe('canManageRole', () => {
  it('lets facilitators manage up to facilitators and only owners touch owners', () => {
    expect(canManageRole('editor', 'viewer')).toBe(false);
    expect(canManageRole('facilitator', 'facilitator')).toBe(true);
    expect(canManageRole('facilitator', 'owner')).toBe(false);
    expect(canManageRole('owner', 'owner')).toBe(true);
  });
});

describe('parseDuration', () => {
  it('reads minutes, hours, days and weeks and refuses the rest', () => {
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('2W')).toBe(14 * 86_400_000);
    for (const bad of ['', '0d', '7', 'd', '1.5h', '7 days', '-1d']) expect(parseDuration(bad), bad).toBeUndefined();
  });
});

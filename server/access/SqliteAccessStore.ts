import path from 'node:path';
import Database from 'better-sqlite3';
import type { Role } from '../../shared/access/roles.ts';
import { StoreOpenError } from '../store/DocumentStore.ts';
import { ensureDataDir, prepareSqliteFile } from '../store/privateFiles.ts';
import type { AccessStore, InviteRecord, MemberRecord, RedeemOutcome } from './AccessStore.ts';

export const ACCESS_FILE_NAME = 'access.sqlite';
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS invites (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    created_by TEXT NOT NULL,
    uses INTEGER NOT NULL DEFAULT 0,
    max_uses INTEGER
  ) STRICT;
  CREATE TABLE IF NOT EXISTS members (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER,
    invite_id TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS members_by_workspace ON members (workspace_id);
  CREATE INDEX IF NOT EXISTS invites_by_workspace ON invites (workspace_id);
`;

interface InviteRow {
  id: string;
  workspace_id: string;
  role: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  created_by: string;
  uses: number;
  max_uses: number | null;
}

interface MemberRow {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  created_at: number;
  removed_at: number | null;
  invite_id: string | null;
}

const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  role: row.role as Role,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  createdBy: row.created_by,
  uses: row.uses,
  maxUses: row.max_uses,
});

const toMember = (row: MemberRow): MemberRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  name: row.name,
  role: row.role as Role,
  createdAt: row.created_at,
  removedAt: row.removed_at,
  inviteId: row.invite_id,
});

/**
 * Members and invites in `<dataDir>/access.sqlite` (WAL, synchronous=FULL). Several processes may
 * open it at once: the server and the admin CLI; `PRAGMA data_version` tells the server when the CLI
 * has committed something.
 */
export class SqliteAccessStore implements AccessStore {
  private readonly statements;

  private constructor(private readonly db: Database.Database) {
    this.statements = {
      insertInvite: db.prepare(
        `INSERT INTO invites (id, workspace_id, role, created_at, expires_at, revoked_at, created_by, uses, max_uses)
         VALUES (@id, @workspaceId, @role, @createdAt, @expiresAt, @revokedAt, @createdBy, @uses, @maxUses)`,
      ),
      invite: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE id = ?'),
      invites: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE workspace_id = ? ORDER BY created_at DESC'),
      revoke: db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      use: db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ?'),
      insertMember: db.prepare(
        `INSERT INTO members (id, workspace_id, name, role, created_at, removed_at, invite_id)
         VALUES (@id, @workspaceId, @name, @role, @createdAt, @removedAt, @inviteId)`,
      ),
      member: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ?'),
      members: db.prepare<[string], MemberRow>(
        'SELECT * FROM members WHERE workspace_id = ? AND removed_at IS NULL ORDER BY created_at',
      ),
      allMembers: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE workspace_id = ? ORDER BY created_at'),
      setRole: db.prepare('UPDATE members SET role = ? WHERE id = ? AND removed_at IS NULL'),
      setName: db.prepare('UPDATE members SET name = ? WHERE id = ? AND removed_at IS NULL AND name <> ?'),
      remove: db.prepare('UPDATE members SET removed_at = ? WHERE id = ? AND removed_at IS NULL'),
    };
  }

  /**
   * Opens (or creates) `<dataDir>/access.sqlite`, readable by its owner only (with its -wal and -shm files;
   * wider modes are tightened); never rewrites a file it cannot read.
   */
  static open(dataDir: string): SqliteAccessStore {
    const file = path.join(dataDir, ACCESS_FILE_NAME);
    ensureDataDir(dataDir);
    let db: Database.Database | undefined;
    try {
      prepareSqliteFile(file);
      db = new Database(file);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new Error(`it was written by a newer Normspace (schema ${version}, this one knows ${SCHEMA_VERSION})`);
      }
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return new SqliteAccessStore(db);
    } catch (error) {
      db?.close();
      throw new StoreOpenError(`Cannot open ${file}: ${(error as Error).message}`);
    }
  }

  async createInvite(invite: InviteRecord): Promise<void> {
    this.statements.insertInvite.run(invite);
  }

  async getInvite(id: string): Promise<InviteRecord | undefined> {
    const row = this.statements.invite.get(id);
    return row ? toInvite(row) : undefined;
  }

  async listInvites(workspaceId: string): Promise<InviteRecord[]> {
    return this.statements.invites.all(workspaceId).map(toInvite);
  }

  async revokeInvite(id: string, at: number): Promise<boolean> {
    return this.statements.revoke.run(at, id).changes > 0;
  }

  async redeemInvite(inviteId: string, member: MemberRecord, now: number): Promise<RedeemOutcome> {
    const redeem = this.db.transaction((): RedeemOutcome => {
      const row = this.statements.invite.get(inviteId);
      if (!row) return 'missing';
      if (row.revoked_at !== null) return 'revoked';
      if (row.expires_at <= now) return 'expired';
      if (row.max_uses !== null && row.uses >= row.max_uses) return 'used-up';
      this.statements.use.run(inviteId);
      this.statements.insertMember.run(member);
      return 'joined';
    });
    return redeem.immediate();
  }

  async addMember(member: MemberRecord): Promise<void> {
    this.statements.insertMember.run(member);
  }

  async getMember(id: string): Promise<MemberRecord | undefined> {
    const row = this.statements.member.get(id);
    return row ? toMember(row) : undefined;
  }

  async listMembers(workspaceId: string, options: { includeRemoved?: boolean } = {}): Promise<MemberRecord[]> {
    const statement = options.includeRemoved ? this.statements.allMembers : this.statements.members;
    return statement.all(workspaceId).map(toMember);
  }

  async setRole(memberId: string, role: Role): Promise<boolean> {
    return this.statements.setRole.run(role, memberId).changes > 0;
  }

  async setName(memberId: string, name: string): Promise<boolean> {
    return this.statements.setName.run(name, memberId, name).changes > 0;
  }

  async removeMember(memberId: string, at: number): Promise<boolean> {
    return this.statements.remove.run(at, memberId).changes > 0;
  }

  async externalChangeMarker(): Promise<number> {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

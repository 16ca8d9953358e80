import { parseArgs } from 'node:util';
import { invitePath } from '../../shared/access/invitePath.ts';
import { parseDuration } from '../../shared/access/parseDuration.ts';
import { ROLES, RoleSchema, type Role } from '../../shared/access/roles.ts';
import type { AccessService } from '../access/AccessService.ts';
import type { InviteRecord, MemberRecord } from '../access/AccessStore.ts';

export interface AdminContext {
  access: AccessService;
  workspaceExists: (workspaceId: string) => Promise<boolean>;
  /** Where people open Normspace, for printed links. */
  baseUrl: string;
  defaultWorkspace: string;
  now?: () => number;
}

export interface AdminResult {
  /** 0 done, 1 refused (e.g. unknown member), 2 misuse (bad command or option). */
  exitCode: 0 | 1 | 2;
  output: string;
}

export const ADMIN_USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  invite --role <role> [--expires 7d] [--uses <n>]   make an invite link (roles: ${ROLES.join(', ')})
  invites                                           list invite links and whether they still work
  members                                           list members and their roles
  role <member> <role>                              change a member's role (id or unique name)
  remove <member>                                   remove a member; their open sessions end at once
  revoke <invite>                                   withdraw an invite link (its id from \`invites\`)
  token <member>                                    print a session token of a member, for scripts and
                                                    the export/import CLI (NORMSPACE_TOKEN); it acts as them

Options:
  --workspace <id>   the workspace (default: DEFAULT_WORKSPACE)
  --help             this text

Works whether the server is running or not; a running server applies changes at once.
Reads DATA_DIR, PUBLIC_URL, HOST, PORT and DEFAULT_WORKSPACE like the server.`;

const misuse = (message: string): AdminResult => ({ exitCode: 2, output: `${message}\n\n${ADMIN_USAGE}` });
const refused = (message: string): AdminResult => ({ exitCode: 1, output: message });
const done = (output: string): AdminResult => ({ exitCode: 0, output });

const date = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function inviteStatus(invite: InviteRecord, now: number): string {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used up';
  return 'active';
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

/** A member named by id, or by a name that only one current member has (case-insensitive). */
function findMember(members: MemberRecord[], reference: string): MemberRecord | string {
  const byId = members.find((member) => member.id === reference);
  if (byId) return byId;
  const byName = members.filter((member) => member.name.toLowerCase() === reference.toLowerCase());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) return `Several members are called "${reference}": use their id (${byName.map((m) => m.id).join(', ')})`;
  return `No member "${reference}" in this workspace (see \`members\`)`;
}

/**
 * The administrators' commands, on the access store of a data directory. A workspace always keeps
 * at least one owner. Invite tokens are printed (that is their purpose), never logged.
 */
export async function runAdminCommand(argv: string[], context: AdminContext): Promise<AdminResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        expires: { type: 'string', default: '7d' },
        uses: { type: 'string' },
        workspace: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return misuse((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) return { exitCode: values.help ? 0 : 2, output: ADMIN_USAGE };
  const { access } = context;
  const now = (context.now ?? Date.now)();
  const workspaceId = values.workspace ?? context.defaultWorkspace;
  if (!(await context.workspaceExists(workspaceId))) return refused(`No workspace "${workspaceId}" in this data directory`);

  const members = () => access.listMembers(workspaceId);
  const isLastOwner = async (member: MemberRecord) =>
    member.role === 'owner' && (await members()).filter((m) => m.role === 'owner').length <= 1;

  switch (command) {
    case 'invite': {
      const role = RoleSchema.safeParse(values.role);
      if (!role.success) return misuse(`--role must be one of: ${ROLES.join(', ')}`);
      const expiresInMs = parseDuration(values.expires);
      if (expiresInMs === undefined) return misuse(`--expires must look like 30m, 12h, 7d or 2w (got "${values.expires}")`);
      let maxUses: number | null = null;
      if (values.uses !== undefined) {
        maxUses = Number(values.uses);
        if (!Number.isInteger(maxUses) || maxUses < 1) return misuse('--uses must be a whole number of at least 1');
      }
      const { invite, token } = await access.createInvite({ workspaceId, role: role.data, expiresInMs, createdBy: 'admin', maxUses });
      const uses = maxUses === null ? 'anyone with the link' : `${maxUses} ${maxUses === 1 ? 'person' : 'people'}`;
      return done(
        `Invite ${invite.id}: ${role.data} in ${workspaceId}, for ${uses}, until ${date(invite.expiresAt)} UTC\n\n  ${context.baseUrl}${invitePath(token)}\n`,
      );
    }
    case 'invites': {
      const invites = await access.listInvites(workspaceId);
      if (invites.length === 0) return done(`No invites in ${workspaceId}.`);
      return done(
        table([
          ['ID', 'ROLE', 'STATUS', 'USED', 'EXPIRES (UTC)', 'BY'],
          ...invites.map((invite) => [
            invite.id,
            invite.role,
            inviteStatus(invite, now),
            invite.maxUses === null ? String(invite.uses) : `${invite.uses}/${invite.maxUses}`,
            date(invite.expiresAt),
            invite.createdBy,
          ]),
        ]),
      );
    }
    case 'members': {
      const list = await members();
      if (list.length === 0) return done(`No members in ${workspaceId} yet: make an invite with \`invite --role owner\`.`);
      return done(table([['ID', 'NAME', 'ROLE', 'JOINED (UTC)'], ...list.map((m) => [m.id, m.name, m.role, date(m.createdAt)])]));
    }
    case 'role': {
      const [reference, roleName] = rest;
      if (!reference || !roleName) return misuse('role needs a member and a role');
      const role = RoleSchema.safeParse(roleName);
      if (!role.success) return misuse(`the role must be one of: ${ROLES.join(', ')}`);
      const member = findMember(await members(), reference);
      if (typeof member === 'string') return refused(member);
      if (role.data !== 'owner' && (await isLastOwner(member))) return refused(`${member.name} is the last owner: make someone else owner first`);
      await access.setRole(member.id, role.data as Role);
      return done(`${member.name} (${member.id}) is now ${role.data} in ${workspaceId}.`);
    }
    case 'remove': {
      const [reference] = rest;
      if (!reference) return misuse('remove needs a member');
      const member = findMember(await members(), reference);
      if (typeof member === 'string') return refused(member);
      if (await isLastOwner(member)) return refused(`${member.name} is the last owner: make someone else owner first`);
      await access.removeMember(member.id);
      return done(`${member.name} (${member.id}) was removed from ${workspaceId}; their open connections are closed.`);
    }
    case 'revoke': {
      const [inviteId] = rest;
      if (!inviteId) return misuse('revoke needs an invite id (see `invites`)');
      const invite = await access.store.getInvite(inviteId);
      if (!invite || invite.workspaceId !== workspaceId) return refused(`No invite "${inviteId}" in ${workspaceId} (see \`invites\`)`);
      if (!(await access.revokeInvite(inviteId))) return refused(`Invite ${inviteId} was already revoked`);
      return done(`Invite ${inviteId} (${invite.role}) no longer works. People who joined with it stay members.`);
    }
    case 'token': {
      const [reference] = rest;
      if (!reference) return misuse('token needs a member');
      const member = findMember(await members(), reference);
      if (typeof member === 'string') return refused(member);
      return done(await access.issueSession(member));
    }
    default:
      return misuse(`Unknown command "${command}"`);
  }
}

import type { FastifyInstance, FastifyReply, onRequestAsyncHookHandler } from 'fastify';
import {
  CreateInviteRequestSchema,
  InspectInviteRequestSchema,
  RedeemInviteRequestSchema,
  UpdateMemberRequestSchema,
  UpdateSessionRequestSchema,
  type CreateInviteResponse,
  type InviteInspection,
  type InviteListResponse,
  type InviteView,
  type MemberListResponse,
  type MemberView,
  type RedeemInviteResponse,
  type SessionResponse,
} from '../../shared/access/accessApi.ts';
import { canManageRole } from '../../shared/access/permissions.ts';
import type { AccessService } from '../access/AccessService.ts';
import type { InviteRecord, MemberRecord } from '../access/AccessStore.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { badRequest, errorReply } from './apiReplies.ts';
import { signedInMember } from './authenticateRequests.ts';
import { MEMBER_ROUTE, PUBLIC_ROUTE, type AccessConfig } from './routeAccess.ts';

const toMemberView = (member: MemberRecord): MemberView => ({
  id: member.id,
  name: member.name,
  role: member.role,
  createdAt: member.createdAt,
});

const toInviteView = (invite: InviteRecord): InviteView => ({
  id: invite.id,
  role: invite.role,
  createdAt: invite.createdAt,
  expiresAt: invite.expiresAt,
  revokedAt: invite.revokedAt,
  uses: invite.uses,
  maxUses: invite.maxUses,
});

type WorkspaceParams = { Params: { workspace: string } };
type MemberParams = { Params: { workspace: string; member: string } };
type InviteParams = { Params: { workspace: string; invite: string } };

/**
 * Invites, sessions and members. Who may give which role is `canManageRole`: facilitators manage up
 * to facilitators, only owners touch owners, and a workspace always keeps at least one owner.
 * The two invite routes are public, and every call to either counts against `limitInviteAttempts`.
 */
export function registerAccessRoutes(
  app: FastifyInstance,
  deps: { access: AccessService; workspaces: WorkspaceService; limitInviteAttempts: onRequestAsyncHookHandler },
): void {
  const { access, workspaces, limitInviteAttempts } = deps;

  const INVITE_ROUTE = { config: PUBLIC_ROUTE, onRequest: limitInviteAttempts };
  const MANAGES_MEMBERS = { auth: 'member', action: 'members.manage' } as const satisfies AccessConfig;

  const workspaceMeta = async (workspaceId: string) => (await workspaces.getWorkspace(workspaceId))?.workspace;

  app.post('/api/invites/inspect', INVITE_ROUTE, async (request, reply) => {
    const body = InspectInviteRequestSchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, 'invalid invite', body.error.issues);
    const checked = await access.inspectInvite(body.data.token);
    if (!checked.ok) return errorReply(reply, checked.failure.status, checked.failure.error);
    const workspace = await workspaceMeta(checked.invite.workspaceId);
    if (!workspace) return errorReply(reply, 404, 'The workspace of this invite no longer exists');
    return { workspace, role: checked.invite.role, expiresAt: checked.invite.expiresAt } satisfies InviteInspection;
  });

  app.post('/api/invites/redeem', INVITE_ROUTE, async (request, reply) => {
    const body = RedeemInviteRequestSchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, 'invalid request', body.error.issues);
    const joined = await access.redeemInvite(body.data.token, body.data.name);
    if (!joined.ok) return errorReply(reply, joined.failure.status, joined.failure.error);
    const workspace = await workspaceMeta(joined.member.workspaceId);
    if (!workspace) return errorReply(reply, 404, 'The workspace of this invite no longer exists');
    request.log.info({ workspace: workspace.id, member: joined.member.id, role: joined.member.role }, 'member joined');
    return reply.code(201).send({ session: joined.session, member: toMemberView(joined.member), workspace } satisfies RedeemInviteResponse);
  });

  app.get('/api/session', { config: MEMBER_ROUTE }, async (request, reply) => {
    const member = signedInMember(request);
    const workspace = await workspaceMeta(member.workspaceId);
    if (!workspace) return errorReply(reply, 404, 'workspace not found');
    return { member: toMemberView(member), workspace } satisfies SessionResponse;
  });

  /** A member renames themselves: their presence, and what their comments and tags must say, follow. */
  app.patch('/api/session', { config: MEMBER_ROUTE }, async (request, reply) => {
    const member = signedInMember(request);
    const body = UpdateSessionRequestSchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, 'invalid name', body.error.issues);
    await access.rename(member.id, body.data.name);
    const workspace = await workspaceMeta(member.workspaceId);
    if (!workspace) return errorReply(reply, 404, 'workspace not found');
    return { member: toMemberView({ ...member, name: body.data.name }), workspace } satisfies SessionResponse;
  });

  app.get<WorkspaceParams>('/api/workspaces/:workspace/members', { config: MEMBER_ROUTE }, async (request) => {
    const members = await access.listMembers(request.params.workspace);
    return { members: members.map(toMemberView) } satisfies MemberListResponse;
  });

  /** The member named in the path, if the caller may manage their current role. */
  const manageable = async (request: { params: { workspace: string; member: string } }, reply: FastifyReply, actor: MemberRecord) => {
    const target = await access.store.getMember(request.params.member);
    if (!target || target.workspaceId !== request.params.workspace || target.removedAt !== null) {
      errorReply(reply, 404, 'member not found');
      return undefined;
    }
    if (!canManageRole(actor.role, target.role)) {
      errorReply(reply, 403, `Your role (${actor.role}) cannot change a member who is ${target.role}`);
      return undefined;
    }
    return target;
  };

  const isLastOwner = async (member: MemberRecord) =>
    member.role === 'owner' && (await access.listMembers(member.workspaceId)).filter((m) => m.role === 'owner').length <= 1;

  app.patch<MemberParams>('/api/workspaces/:workspace/members/:member', { config: MANAGES_MEMBERS }, async (request, reply) => {
    const actor = signedInMember(request);
    const body = UpdateMemberRequestSchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, 'invalid change', body.error.issues);
    const target = await manageable(request, reply, actor);
    if (!target) return reply;
    if (!canManageRole(actor.role, body.data.role)) return errorReply(reply, 403, `Your role (${actor.role}) cannot make someone ${body.data.role}`);
    if (body.data.role !== 'owner' && (await isLastOwner(target))) return errorReply(reply, 409, 'A workspace needs at least one owner');
    await access.setRole(target.id, body.data.role);
    request.log.info({ workspace: target.workspaceId, member: target.id, role: body.data.role }, 'member role changed');
    return { member: toMemberView({ ...target, role: body.data.role }) };
  });

  app.delete<MemberParams>('/api/workspaces/:workspace/members/:member', { config: MANAGES_MEMBERS }, async (request, reply) => {
    const actor = signedInMember(request);
    const target = await manageable(request, reply, actor);
    if (!target) return reply;
    if (await isLastOwner(target)) return errorReply(reply, 409, 'A workspace needs at least one owner');
    await access.removeMember(target.id);
    request.log.info({ workspace: target.workspaceId, member: target.id }, 'member removed');
    return reply.code(204).send();
  });

  app.get<WorkspaceParams>('/api/workspaces/:workspace/invites', { config: MANAGES_MEMBERS }, async (request) => {
    const invites = await access.listInvites(request.params.workspace);
    return { invites: invites.map(toInviteView) } satisfies InviteListResponse;
  });

  app.post<WorkspaceParams>('/api/workspaces/:workspace/invites', { config: MANAGES_MEMBERS }, async (request, reply) => {
    const actor = signedInMember(request);
    const body = CreateInviteRequestSchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, 'invalid invite', body.error.issues);
    if (!canManageRole(actor.role, body.data.role)) return errorReply(reply, 403, `Your role (${actor.role}) cannot invite someone as ${body.data.role}`);
    const { invite, token } = await access.createInvite({
      workspaceId: actor.workspaceId,
      role: body.data.role,
      expiresInMs: body.data.expiresInHours * 3_600_000,
      createdBy: actor.id,
      maxUses: body.data.maxUses ?? null,
    });
    request.log.info({ workspace: invite.workspaceId, invite: invite.id, role: invite.role }, 'invite created');
    return reply.code(201).send({ invite: toInviteView(invite), token } satisfies CreateInviteResponse);
  });

  app.delete<InviteParams>('/api/workspaces/:workspace/invites/:invite', { config: MANAGES_MEMBERS }, async (request, reply) => {
    const actor = signedInMember(request);
    const invite = await access.store.getInvite(request.params.invite);
    if (!invite || invite.workspaceId !== request.params.workspace) return errorReply(reply, 404, 'invite not found');
    if (!canManageRole(actor.role, invite.role)) return errorReply(reply, 403, `Your role (${actor.role}) cannot withdraw an invite for ${invite.role}`);
    await access.revokeInvite(invite.id);
    request.log.info({ workspace: invite.workspaceId, invite: invite.id }, 'invite revoked');
    return reply.code(204).send();
  });
}

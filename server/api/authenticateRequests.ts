import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action } from '../../shared/access/permissions.ts';
import type { ApiError } from '../../shared/api.ts';
import { isValidId } from '../../shared/ids.ts';
import type { AccessService } from '../access/AccessService.ts';
import type { MemberRecord } from '../access/AccessStore.ts';
import { credentialOf } from '../auth/credentialOf.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in member making an API call (set for every `/api/` route that is not public). */
    member: MemberRecord | undefined;
  }
}

/** API routes anyone may call: health, and what an invite link needs before its holder has a session. */
const PUBLIC_ROUTES = new Set(['/api/health', '/api/invites/inspect', '/api/invites/redeem']);

/**
 * Every `/api/` call is authenticated before its handler runs: a missing, forged or expired session is
 * 401, a removed member 403, each with a JSON error. Routes under `/api/workspaces/:workspace` are
 * also refused (403) to members of other workspaces. What a role may do there is checked by the
 * route with `requireRole`.
 */
export function authenticateRequests(app: FastifyInstance, access: AccessService): void {
  app.decorateRequest('member', undefined);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const route = request.routeOptions.url;
    if (route !== undefined && PUBLIC_ROUTES.has(route)) return;
    const params = request.params as { workspace?: unknown } | undefined;
    // A malformed id is left to the route, which answers 400 naming the problem.
    const workspaceId = typeof params?.workspace === 'string' && isValidId(params.workspace) ? params.workspace : undefined;
    const authentication = await access.authenticate(credentialOf(request.raw), workspaceId);
    if (!authentication.ok) {
      const { status, error } = authentication.failure;
      return reply.code(status).send({ error } satisfies ApiError);
    }
    request.member = authentication.member;
  });
}

/** The signed-in member, or a 403 reply when their role does not allow `action`. */
export function requireRole(request: FastifyRequest, reply: FastifyReply, action: Action): MemberRecord | undefined {
  const member = request.member;
  if (!member) {
    void reply.code(401).send({ error: 'Sign-in required' } satisfies ApiError);
    return undefined;
  }
  if (!can(member.role, action)) {
    void reply.code(403).send({ error: `Your role (${member.role}) does not allow this` } satisfies ApiError);
    return undefined;
  }
  return member;
}

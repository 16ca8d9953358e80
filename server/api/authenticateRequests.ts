import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action } from '../../shared/access/permissions.ts';
import type { ApiError } from '../../shared/api.ts';
import { WorkspaceIdSchema } from '../../shared/ids.ts';
import type { AccessService } from '../access/AccessService.ts';
import type { MemberRecord } from '../access/AccessStore.ts';
import { credentialOf } from '../auth/credentialOf.ts';
import { badRequest, errorReply } from './apiReplies.ts';
import { routeAccessOf, type RouteAccess } from './routeAccess.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in member; set before the handler of every route declared `{ auth: 'member' }`. Read it with `signedInMember`. */
    member: MemberRecord | undefined;
  }
}

/** One route as registered, with what it declared: what the route-walking tests call. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Authentication decided per route, from the declaration in its `config` (`routeAccess.ts`), never from
 * the shape of the URL: the router has already decoded and matched the path, so `/%61pi/…` and `/api/…`
 * meet the same rule.
 *
 * - At registration, a route that declares nothing (or something malformed) throws: the server does not
 *   start with it.
 * - Before anything else of a request (before its body is read), a `member` route authenticates the
 *   session: missing, forged or expired is 401, a removed member 403, a member of another workspace than
 *   the `:workspace` of the path 403, a malformed `:workspace` 400, a role that may not do the declared
 *   `action` 403; each with a JSON error. A route that somehow has no declaration is refused (403) and
 *   logged. Unmatched paths go to the not-found handler, which serves nothing but a 404 or the web app.
 *
 * Answers the list of registered routes (filled as routes are registered).
 */
export function authenticateRequests(app: FastifyInstance, access: AccessService): readonly RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('member', undefined);

  app.addHook('onRoute', (route) => {
    const declared = routeAccessOf(route.config);
    const methods = ([] as string[]).concat(route.method);
    if (!declared) {
      throw new Error(
        `${methods.join(',')} ${route.url} declares no access rule: give it config { auth: 'public' } or { auth: 'member' } (server/api/routeAccess.ts)`,
      );
    }
    for (const method of methods) routes.push({ method, url: route.url, access: declared });
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    const declared = routeAccessOf(request.routeOptions.config);
    if (!declared) {
      request.log.error({ method: request.method, route: request.routeOptions.url }, 'refused a request to a route that declares no access rule');
      return errorReply(reply, 403, 'This route is not available');
    }
    if (declared.auth === 'public') return;

    const workspaceParam = (request.params as { workspace?: unknown } | undefined)?.workspace;
    const workspaceId = workspaceParam === undefined ? undefined : WorkspaceIdSchema.safeParse(workspaceParam);
    const authentication = await access.authenticate(credentialOf(request.raw), workspaceId?.success ? workspaceId.data : undefined);
    if (!authentication.ok) return errorReply(reply, authentication.failure.status, authentication.failure.error);
    // Only once the caller is known: a stranger learns nothing about which ids are well formed.
    if (workspaceId && !workspaceId.success) return badRequest(reply, 'invalid workspace id', workspaceId.error.issues);
    const { member } = authentication;
    if (declared.action !== undefined && !can(member.role, declared.action)) return refuseRole(reply, member);
    request.member = member;
  });

  return routes;
}

/**
 * The signed-in member of a route declared `{ auth: 'member' }`, which the onRequest hook has set before
 * the handler runs. On any other route it throws (a programming error, answered 500), never undefined.
 */
export function signedInMember(request: FastifyRequest): MemberRecord {
  const member = request.member;
  if (!member) throw new Error(`${request.method} ${request.routeOptions.url} is not declared { auth: 'member' }: it has no signed-in member`);
  return member;
}

/**
 * For routes whose action depends on the request (a rename or an archive): the signed-in member, or a
 * 403 reply when their role does not allow `action`. Routes with one action declare it instead.
 */
export function requireRole(request: FastifyRequest, reply: FastifyReply, action: Action): MemberRecord | undefined {
  const member = signedInMember(request);
  if (can(member.role, action)) return member;
  void refuseRole(reply, member);
  return undefined;
}

function refuseRole(reply: FastifyReply, member: MemberRecord): FastifyReply {
  return reply.code(403).send({ error: `Your role (${member.role}) does not allow this` } satisfies ApiError);
}

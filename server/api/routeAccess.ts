import { isAction, type Action } from '../../shared/access/permissions.ts';

/**
 * What a route needs from its caller, declared in the route's `config` (`{ config: { auth: … } }`) and
 * read from `request.routeOptions.config` by `authenticateRequests`. Every route declares one; a route
 * without it is refused when it is registered, so a new route cannot forget.
 *
 * - `public`: anyone (health, the two invite routes, the web app's files).
 * - `member`: a valid session, and for routes under `/api/workspaces/:workspace` a member of that
 *   workspace; with `action`, a role that may do it (`shared/access/permissions.ts`), checked before
 *   the body is read. Routes whose action depends on the body check it themselves (`requireRole`).
 */
export type RouteAccess = { auth: 'public' } | { auth: 'member'; action?: Action };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: see `RouteAccess`. */
    auth?: RouteAccess['auth'];
    /** With `auth: 'member'`, what the caller's role must allow. */
    action?: Action;
  }
}

/** The `config` of a route as this server reads it (other keys, such as `rateLimit`, may sit beside it). */
export type AccessConfig = RouteAccess;

export const PUBLIC_ROUTE = { auth: 'public' } as const satisfies RouteAccess;
export const MEMBER_ROUTE = { auth: 'member' } as const satisfies RouteAccess;

/** The declaration in a route's config, or undefined when it has none (or a malformed one). */
export function routeAccessOf(config: unknown): RouteAccess | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const { auth, action } = config as { auth?: unknown; action?: unknown };
  if (auth === 'public') return action === undefined ? { auth } : undefined;
  if (auth !== 'member') return undefined;
  if (action === undefined) return { auth };
  return isAction(action) ? { auth, action } : undefined;
}

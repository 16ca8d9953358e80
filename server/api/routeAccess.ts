/**
 * What a route needs from its caller, declared in the route's `config` so that an authentication
 * hook can read it from `request.routeOptions.config.access`: `read` for anything a viewer may
 * see (exports), `write` for changes an editor may make (imports create documents).
 */
export type RouteAccess = 'read' | 'write';

export interface AccessConfig {
  access: RouteAccess;
}

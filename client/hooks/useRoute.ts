import { useMemo, useSyncExternalStore } from 'react';
import { matchRoute, type Route } from '../router/matchRoute.ts';
import { subscribeLocation } from '../router/navigate.ts';

/** The page for the current URL; re-renders on `navigate()` and back/forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribeLocation, () => window.location.pathname);
  return useMemo(() => matchRoute(pathname), [pathname]);
}

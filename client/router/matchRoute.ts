import { isValidId } from '../../shared/ids.ts';

export type Route =
  | { name: 'root' }
  | { name: 'workspace'; workspaceId: string }
  | { name: 'document'; workspaceId: string; documentId: string }
  | { name: 'taxonomy'; workspaceId: string }
  | { name: 'facilitator'; workspaceId: string }
  | { name: 'members'; workspaceId: string }
  | { name: 'invite' }
  | { name: 'not-found'; path: string };

/** Maps a pathname to a page: `/`, `/w/<workspace>`, `/w/<workspace>/d/<document>`, `/w/<workspace>/taxonomy`. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'root' };
  if (parts.length === 1 && parts[0] === 'invite') return { name: 'invite' };
  const [w, workspaceId, d, documentId] = parts;
  if (w !== 'w' || !workspaceId || !isValidId(workspaceId)) return { name: 'not-found', path: pathname };
  if (parts.length === 2) return { name: 'workspace', workspaceId };
  if (parts.length === 3 && d === 'taxonomy') return { name: 'taxonomy', workspaceId };
  if (parts.length === 3 && d === 'facilitator') return { name: 'facilitator', workspaceId };
  if (parts.length === 3 && d === 'members') return { name: 'members', workspaceId };
  if (parts.length === 4 && d === 'd' && documentId && isValidId(documentId)) {
    return { name: 'document', workspaceId, documentId };
  }
  return { name: 'not-found', path: pathname };
}

export function workspacePath(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}`;
}

export function documentPath(workspaceId: string, documentId: string): string {
  return `${workspacePath(workspaceId)}/d/${encodeURIComponent(documentId)}`;
}

export function taxonomyPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/taxonomy`;
}

export function facilitatorPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/facilitator`;
}

export function membersPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/members`;
}

/** The hash that asks the editor to scroll to a thread's passage and show the thread. */
export function threadHash(threadId: string): string {
  return `#thread=${encodeURIComponent(threadId)}`;
}

/** The hash that asks the editor to scroll to and select an annotation's passage. */
export function annotationHash(annotationId: string): string {
  return `#annotation=${encodeURIComponent(annotationId)}`;
}

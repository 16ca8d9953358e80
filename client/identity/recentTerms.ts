const MAX_RECENT = 12;

const key = (workspaceId: string) => `normspace:recent-terms:${workspaceId}`;

/** The terms this browser tagged with lately in a workspace, most recent first. */
export function readRecentTerms(workspaceId: string): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(key(workspaceId)) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export function rememberRecentTerms(workspaceId: string, termIds: readonly string[]): void {
  const next = [...new Set([...termIds, ...readRecentTerms(workspaceId)])].slice(0, MAX_RECENT);
  try {
    localStorage.setItem(key(workspaceId), JSON.stringify(next));
  } catch {
    // Only a convenience: the picker then simply has no recent terms.
  }
}

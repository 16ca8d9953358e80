const KEY = 'normspace:last-workspace';

/** The workspace this browser opened last, to land there when the server cannot be asked. */
export function readLastWorkspace(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeLastWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(KEY, workspaceId);
  } catch {
    // Not important enough to report.
  }
}

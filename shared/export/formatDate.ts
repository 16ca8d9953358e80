/** "12 March 2025": dates in reports are written out, in UTC, so that every reader sees the same day. */
export function formatDate(at: number): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "2025-03-12 14:05 UTC" for comments and notes. */
export function formatDateTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

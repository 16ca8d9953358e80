import { CloseCodes, describeCloseCode } from '../../shared/closeCodes.ts';
import type { SyncStatus } from './SyncStatusStore.ts';

export type StatusTone = 'ok' | 'busy' | 'warning' | 'error';

function changes(count: number): string {
  if (count === 0) return 'no unsynced changes';
  return count === 1 ? '1 unsynced change' : `${count} unsynced changes`;
}

const REFUSALS: Record<number, string> = {
  [CloseCodes.NotFound.code]: 'This document does not exist',
  [CloseCodes.Unauthorized.code]: 'You are not signed in to this workspace',
  [CloseCodes.Forbidden.code]: 'You do not have access to this document',
  [CloseCodes.TooLarge.code]: 'This document has reached its size limit: new changes cannot be saved',
  [CloseCodes.RateLimited.code]: 'Too many changes at once: the server stopped listening',
  [CloseCodes.RefusedChange.code]: 'The server refused a change made on this page',
};

/**
 * The words shown for a sync status. They claim "saved" only when the server confirmed it. A
 * read-only room (the workspace list) has nothing to save, so it only says whether it is live.
 */
export function describeSyncStatus(status: SyncStatus, readOnly = false): { text: string; tone: StatusTone } {
  if (readOnly && status.phase !== 'refused') return describeReadOnly(status);
  switch (status.phase) {
    case 'connected':
      if (status.unsynced === 0) return { text: 'Connected · all changes saved', tone: 'ok' };
      return { text: `Saving ${status.unsynced === 1 ? '1 change' : `${status.unsynced} changes`}…`, tone: 'busy' };
    case 'offline':
      return { text: `Offline · ${changes(status.unsynced)}`, tone: 'warning' };
    case 'reconnecting':
      return { text: `Reconnecting… · ${changes(status.unsynced)}`, tone: 'warning' };
    case 'connecting':
      return { text: status.unsynced > 0 ? `Connecting… · ${changes(status.unsynced)}` : 'Connecting…', tone: 'busy' };
    case 'refused': {
      const code = status.refusal?.code ?? 0;
      const text = REFUSALS[code] ?? describeCloseCode(code) ?? status.refusal?.reason ?? 'The server refused the connection';
      return { text: status.unsynced > 0 ? `${text} · ${changes(status.unsynced)}` : text, tone: 'error' };
    }
  }
}

function describeReadOnly(status: SyncStatus): { text: string; tone: StatusTone } {
  if (status.phase === 'connected') return { text: 'Connected · live', tone: 'ok' };
  if (status.phase === 'offline') return { text: 'Offline · showing what this browser last saw', tone: 'warning' };
  return { text: status.phase === 'reconnecting' ? 'Reconnecting…' : 'Connecting…', tone: 'busy' };
}

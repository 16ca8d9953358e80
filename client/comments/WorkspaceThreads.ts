import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { readThreads, type ThreadRecord } from '../../shared/comments/threadsDoc.ts';
import { openRoom } from '../sync/openRoom.ts';
import { ReadOnlyRooms } from './ReadOnlyRooms.ts';

/**
 * The threads rooms of every document of a workspace, opened for reading (nobody is "in" them),
 * with a snapshot `documentId → threads` re-read whenever one of them changes.
 */
export class WorkspaceThreads {
  private readonly rooms: ReadOnlyRooms;
  private snapshot: ReadonlyMap<string, readonly ThreadRecord[]> = new Map();
  private readonly listeners = new Set<() => void>();

  constructor(workspaceId: string) {
    this.rooms = new ReadOnlyRooms(
      (documentId) => openRoom({ workspaceId, documentId, channel: 'threads' }),
      () => this.refresh(),
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReadonlyMap<string, readonly ThreadRecord[]> => this.snapshot;

  setDocuments(documentIds: readonly string[]): void {
    this.rooms.set(documentIds);
    this.refresh();
  }

  destroy(): void {
    this.rooms.destroy();
    this.listeners.clear();
  }

  private refresh(): void {
    this.snapshot = new Map([...this.rooms.docs()].map(([id, doc]) => [id, readThreads(doc)]));
    for (const listener of this.listeners) listener();
  }
}

/** Every listed document's threads, live, while the component is mounted. */
export function useWorkspaceThreads(workspaceId: string, documentIds: readonly string[]): ReadonlyMap<string, readonly ThreadRecord[]> {
  const source = useMemo(() => new WorkspaceThreads(workspaceId), [workspaceId]);
  useEffect(() => () => source.destroy(), [source]);
  const key = documentIds.join(' ');
  useEffect(() => {
    source.setDocuments(key ? key.split(' ') : []);
  }, [source, key]);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

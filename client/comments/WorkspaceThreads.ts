import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { readThreads, type ThreadRecord } from '../../shared/comments/threadsDoc.ts';
import { openRoom, type Room } from '../sync/openRoom.ts';

/**
 * The threads rooms of every document of a workspace, opened for reading (nobody is "in" them),
 * with a snapshot `documentId → threads` re-read whenever one of them changes.
 */
export class WorkspaceThreads {
  private readonly rooms = new Map<string, { room: Room; stop: () => void }>();
  private snapshot: ReadonlyMap<string, readonly ThreadRecord[]> = new Map();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly workspaceId: string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReadonlyMap<string, readonly ThreadRecord[]> => this.snapshot;

  setDocuments(documentIds: readonly string[]): void {
    const keep = new Set(documentIds);
    for (const [id, entry] of this.rooms) {
      if (keep.has(id)) continue;
      entry.stop();
      entry.room.destroy();
      this.rooms.delete(id);
    }
    for (const documentId of documentIds) {
      if (this.rooms.has(documentId)) continue;
      const room = openRoom({ workspaceId: this.workspaceId, documentId, channel: 'threads' });
      room.provider.awareness.setLocalState(null);
      const onUpdate = () => this.refresh();
      room.doc.on('update', onUpdate);
      this.rooms.set(documentId, { room, stop: () => room.doc.off('update', onUpdate) });
    }
    this.refresh();
  }

  destroy(): void {
    for (const entry of this.rooms.values()) {
      entry.stop();
      entry.room.destroy();
    }
    this.rooms.clear();
    this.listeners.clear();
  }

  private refresh(): void {
    const next = new Map<string, readonly ThreadRecord[]>();
    for (const [id, entry] of this.rooms) next.set(id, readThreads(entry.room.doc));
    this.snapshot = next;
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

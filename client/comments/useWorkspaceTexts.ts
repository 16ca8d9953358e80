import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { openRoom } from '../sync/openRoom.ts';
import { ReadOnlyRooms } from './ReadOnlyRooms.ts';

/**
 * The text documents of a workspace, opened for reading only while `enabled` (the facilitator's
 * tag filter needs the passages); the snapshot changes whenever one of them does.
 */
class WorkspaceTexts {
  private readonly rooms: ReadOnlyRooms;
  private snapshot: ReadonlyMap<string, Y.Doc> = new Map();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(workspaceId: string) {
    this.rooms = new ReadOnlyRooms(
      (documentId) => openRoom({ workspaceId, documentId }),
      () => this.later(),
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReadonlyMap<string, Y.Doc> => this.snapshot;

  setDocuments(documentIds: readonly string[]): void {
    this.rooms.set(documentIds);
    this.refresh();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.rooms.destroy();
    this.listeners.clear();
  }

  /** Typing elsewhere changes the texts often: recompute at most a few times a second. */
  private later(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, 250);
  }

  private refresh(): void {
    this.snapshot = this.rooms.docs();
    for (const listener of this.listeners) listener();
  }
}

export function useWorkspaceTexts(workspaceId: string, documentIds: readonly string[], enabled: boolean): ReadonlyMap<string, Y.Doc> {
  const source = useMemo(() => new WorkspaceTexts(workspaceId), [workspaceId]);
  useEffect(() => () => source.destroy(), [source]);
  const key = enabled ? documentIds.join(' ') : '';
  useEffect(() => {
    source.setDocuments(key ? key.split(' ') : []);
  }, [source, key]);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

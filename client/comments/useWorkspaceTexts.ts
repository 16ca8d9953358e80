import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { openRoom, type Room } from '../sync/openRoom.ts';

/**
 * The text documents of a workspace, opened for reading only while `enabled` (the facilitator's
 * tag filter needs the passages); the snapshot changes whenever one of them does.
 */
class WorkspaceTexts {
  private readonly rooms = new Map<string, { room: Room; stop: () => void }>();
  private snapshot: ReadonlyMap<string, Y.Doc> = new Map();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly workspaceId: string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReadonlyMap<string, Y.Doc> => this.snapshot;

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
      const room = openRoom({ workspaceId: this.workspaceId, documentId });
      room.provider.awareness.setLocalState(null);
      const onUpdate = () => this.later();
      room.doc.on('update', onUpdate);
      this.rooms.set(documentId, { room, stop: () => room.doc.off('update', onUpdate) });
    }
    this.refresh();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.setDocuments([]);
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
    this.snapshot = new Map([...this.rooms].map(([id, entry]) => [id, entry.room.doc]));
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

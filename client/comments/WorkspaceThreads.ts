import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readThreads, type ThreadRecord } from '../../shared/comments/threadsDoc.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { acquireRoom, releaseRoom } from '../sync/sharedRooms.ts';
import { ReadOnlyRooms } from './ReadOnlyRooms.ts';

/**
 * The threads rooms of every document of a workspace, opened for reading (nobody is "in" them),
 * with a snapshot `documentId → threads` re-read whenever one of them changes. One per workspace
 * tab (`WorkspaceShell` owns it; the bell and the facilitator view read it), sharing the open
 * document's threads room with its editor.
 */
export class WorkspaceThreads {
  private readonly rooms: ReadOnlyRooms;
  private snapshot: ReadonlyMap<string, readonly ThreadRecord[]> = new Map();
  private readonly listeners = new Set<() => void>();

  constructor(workspaceId: string) {
    this.rooms = new ReadOnlyRooms(
      (documentId) => acquireRoom({ workspaceId, documentId, channel: 'threads' }),
      (documentId) => {
        this.stale.add(documentId);
        this.later();
      },
      releaseRoom,
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
    if (this.timer) clearTimeout(this.timer);
    this.rooms.destroy();
    this.listeners.clear();
  }

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Each document's threads as last read; documents changed since are re-read. */
  private readonly cache = new Map<string, { doc: Y.Doc; threads: readonly ThreadRecord[] }>();
  private readonly stale = new Set<string>();

  /** Someone typing a reply changes one room often: re-read a few times a second at most. */
  private later(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, 150);
  }

  private refresh(): void {
    const next = new Map<string, readonly ThreadRecord[]>();
    for (const [id, doc] of this.rooms.docs()) {
      let cached = this.cache.get(id);
      if (!cached || cached.doc !== doc || this.stale.has(id)) {
        cached = { doc, threads: readThreads(doc) };
        this.cache.set(id, cached);
      }
      next.set(id, cached.threads);
    }
    this.stale.clear();
    for (const id of this.cache.keys()) if (!next.has(id)) this.cache.delete(id);
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** Every listed document's threads in the open workspace, live (kept by `WorkspaceShell`). */
export function useWorkspaceThreads(): ReadonlyMap<string, readonly ThreadRecord[]> {
  const { threads } = useWorkspace();
  return useSyncExternalStore(threads.subscribe, threads.getSnapshot);
}

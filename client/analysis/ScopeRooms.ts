import { openRoom, type Room } from '../sync/openRoom.ts';
import { watchRoomReady } from '../sync/watchRoomReady.ts';
import type { AnalysisStore } from './AnalysisStore.ts';

/** How many documents are opened at once while the workspace scope loads. */
const OPEN_AT_ONCE = 4;

export interface ScopeProgress {
  loaded: number;
  total: number;
}

interface Opened {
  room: Room;
  ready: boolean;
  stopWatching: () => void;
}

/**
 * The other documents of the workspace, opened for analysis only while the workspace scope is on:
 * a few at a time, each followed live by the analysis store once open. Nothing is written to them.
 */
export class ScopeRooms {
  private readonly opened = new Map<string, Opened>();
  private wanted: string[] = [];
  private progress: ScopeProgress = { loaded: 0, total: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly workspaceId: string,
    private readonly store: AnalysisStore,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getProgress = (): ScopeProgress => this.progress;

  /** The documents to analyse besides the open one (non-archived, in the index). */
  setDocuments(documentIds: string[]): void {
    this.wanted = documentIds;
    const keep = new Set(documentIds);
    for (const [id, entry] of this.opened) if (!keep.has(id)) this.close(id, entry);
    this.openMore();
    this.report();
  }

  destroy(): void {
    for (const [id, entry] of this.opened) this.close(id, entry);
    this.listeners.clear();
  }

  private openMore(): void {
    let loading = [...this.opened.values()].filter((entry) => !entry.ready).length;
    for (const documentId of this.wanted) {
      if (loading >= OPEN_AT_ONCE) break;
      if (this.opened.has(documentId)) continue;
      const room = openRoom({ workspaceId: this.workspaceId, documentId });
      room.provider.awareness.setLocalState(null); // read for analysis only: nobody is "in" this document
      const entry: Opened = { room, ready: false, stopWatching: () => {} };
      entry.stopWatching = watchRoomReady(room, () => {
        entry.ready = true;
        this.openMore();
        this.report();
      });
      this.opened.set(documentId, entry);
      this.store.watch(documentId, room.doc);
      loading += 1;
    }
  }

  private close(documentId: string, entry: Opened): void {
    entry.stopWatching();
    this.store.unwatch(documentId);
    entry.room.destroy();
    this.opened.delete(documentId);
  }

  private report(): void {
    const loaded = this.wanted.filter((id) => this.opened.get(id)?.ready).length;
    if (loaded === this.progress.loaded && this.wanted.length === this.progress.total) return;
    this.progress = { loaded, total: this.wanted.length };
    for (const listener of this.listeners) listener();
  }
}

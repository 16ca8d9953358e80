import type * as Y from 'yjs';
import { OverlapAnalysis } from '../../shared/analysis/OverlapAnalysis.ts';
import { filterPassages, type PassageFilter } from '../../shared/analysis/filterPassages.ts';
import { passagesFromDocument } from '../../shared/analysis/passagesFromDocument.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { isFilterActive } from './isFilterActive.ts';

/** A burst of edits to one document is read once per this interval, not once per keystroke. */
const RECOMPUTE_INTERVAL_MS = 100;

export interface AnalysisSnapshot {
  /** What the views show: every passage in scope, or only those matching the filter. */
  analysis: OverlapAnalysis;
  /** Every passage in scope, filter or not. */
  all: OverlapAnalysis;
  filter: PassageFilter;
  filtered: boolean;
  version: number;
}

interface Watched {
  doc: Y.Doc;
  timer: ReturnType<typeof setTimeout> | undefined;
  stop: () => void;
}

/**
 * The live overlap analysis of the documents in scope, for useSyncExternalStore.
 *
 * Each watched Y.Doc's `update` events schedule a re-read of that document only (at most every
 * 100 ms), fed to `OverlapAnalysis.setDocument`. With a filter, a second analysis is fed only the
 * matching passages, so every view (counts included) shows the filtered set.
 */
export class AnalysisStore {
  private readonly all: OverlapAnalysis;
  private filtered: OverlapAnalysis | null = null;
  private filter: PassageFilter = {};
  private readonly watched = new Map<string, Watched>();
  private readonly listeners = new Set<() => void>();
  private snapshot: AnalysisSnapshot;

  constructor(taxonomy: Taxonomy) {
    this.all = new OverlapAnalysis(taxonomy);
    this.snapshot = this.makeSnapshot(0);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): AnalysisSnapshot => this.snapshot;

  /** Starts following a document (replacing any other Y.Doc followed under the same id). */
  watch(documentId: string, doc: Y.Doc): void {
    const current = this.watched.get(documentId);
    if (current?.doc === doc) return;
    if (current) this.stopWatching(current);
    const entry: Watched = { doc, timer: undefined, stop: () => {} };
    const onUpdate = () => {
      if (entry.timer !== undefined) return;
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        this.read(documentId, doc);
        this.changed();
      }, RECOMPUTE_INTERVAL_MS);
    };
    doc.on('update', onUpdate);
    entry.stop = () => doc.off('update', onUpdate);
    this.watched.set(documentId, entry);
    this.read(documentId, doc);
    this.changed();
  }

  unwatch(documentId: string): void {
    const entry = this.watched.get(documentId);
    if (!entry) return;
    this.stopWatching(entry);
    this.watched.delete(documentId);
    this.all.removeDocument(documentId);
    this.filtered?.removeDocument(documentId);
    this.changed();
  }

  setTaxonomy(taxonomy: Taxonomy): void {
    if (taxonomy === this.all.getTaxonomy()) return;
    this.all.setTaxonomy(taxonomy);
    if (this.filtered) this.rebuildFiltered();
    this.changed();
  }

  setFilter(filter: PassageFilter): void {
    this.filter = filter;
    this.filtered = null;
    if (isFilterActive(filter)) this.rebuildFiltered();
    this.changed();
  }

  private read(documentId: string, doc: Y.Doc): void {
    this.all.setDocument(documentId, passagesFromDocument(documentId, doc));
    this.filtered?.setDocument(documentId, this.matching(documentId));
  }

  private matching(documentId: string) {
    return filterPassages(this.all, { ...this.filter, documentId, includeOrphaned: true });
  }

  private rebuildFiltered(): void {
    const filtered = new OverlapAnalysis(this.all.getTaxonomy());
    for (const documentId of this.watched.keys()) filtered.setDocument(documentId, this.matching(documentId));
    this.filtered = filtered;
  }

  private stopWatching(entry: Watched): void {
    clearTimeout(entry.timer);
    entry.stop();
  }

  private changed(): void {
    this.snapshot = this.makeSnapshot(this.snapshot.version + 1);
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(version: number): AnalysisSnapshot {
    return {
      analysis: this.filtered ?? this.all,
      all: this.all,
      filter: this.filter,
      filtered: this.filtered !== null,
      version,
    };
  }
}

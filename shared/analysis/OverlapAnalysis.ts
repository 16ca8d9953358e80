import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';
import { effectiveTerms } from './effectiveTerms.ts';
import { groupOverlapping } from './groupOverlapping.ts';
import { isOrphaned, passageKey, type Passage } from './Passage.ts';

interface PassageState {
  passage: Passage;
  terms: Set<string>;
  unitKey: string | undefined;
}

interface Unit {
  key: string;
  documentId: string;
  passageKeys: string[];
  terms: Set<string>;
}

interface DocumentState {
  passages: Map<string, PassageState>;
  units: Map<string, Unit>;
}

function sameRanges(a: Passage, b: Passage): boolean {
  if (a.ranges.length !== b.ranges.length) return false;
  return a.ranges.every((range, i) => range.from === b.ranges[i]!.from && range.to === b.ranges[i]!.to);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/**
 * Incremental co-occurrence index over the tagged passages of one or many documents.
 *
 * Counting unit: a group of passages whose text overlaps (see groupOverlapping); a passage's terms
 * are its tags after merges plus their ancestors. Changing one document recomputes that document
 * only; changing only tags (not where passages are) touches only the affected units. Every change
 * bumps `version` and notifies subscribers, so views can re-read with useSyncExternalStore.
 */
export class OverlapAnalysis {
  private taxonomy: Taxonomy;
  private readonly documents = new Map<string, DocumentState>();
  /** term → keys of the units whose terms include it */
  readonly unitsByTerm = new Map<string, Set<string>>();
  /** term → term → number of units with both (symmetric) */
  private readonly cooc = new Map<string, Map<string, number>>();
  /** term → keys of anchored passages counting for it */
  private readonly passagesByTerm = new Map<string, Set<string>>();
  /** term → document → anchored passages counting for it there */
  private readonly documentsByTerm = new Map<string, Map<string, number>>();
  private readonly units = new Map<string, Unit>();
  private readonly passageStates = new Map<string, PassageState>();
  private readonly listeners = new Set<() => void>();
  version = 0;

  constructor(taxonomy: Taxonomy) {
    this.taxonomy = taxonomy;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getTaxonomy(): Taxonomy {
    return this.taxonomy;
  }

  /** A new taxonomy (merges, hierarchy) changes what every passage counts for: rebuild. */
  setTaxonomy(taxonomy: Taxonomy): void {
    this.taxonomy = taxonomy;
    const all = [...this.documents.entries()].map(([id, state]) => [id, [...state.passages.values()].map((s) => s.passage)] as const);
    for (const [id] of all) this.removeDocumentState(id);
    for (const [id, passages] of all) this.applyDocument(id, passages);
    this.changed();
  }

  /** Replaces the passages of one document. */
  setDocument(documentId: string, passages: readonly Passage[]): void {
    this.applyDocument(documentId, passages);
    this.changed();
  }

  removeDocument(documentId: string): void {
    if (!this.documents.has(documentId)) return;
    this.removeDocumentState(documentId);
    this.changed();
  }

  /** Every passage (anchored and orphaned), document by document. */
  allPassages(): Passage[] {
    return [...this.passageStates.values()].map((state) => state.passage);
  }

  passagesOf(documentId: string): Passage[] {
    return [...(this.documents.get(documentId)?.passages.values() ?? [])].map((state) => state.passage);
  }

  /** The terms a passage counts for (after merges and hierarchy). */
  termsOf(passage: Passage): Set<string> {
    return this.passageStates.get(passageKey(passage))?.terms ?? effectiveTerms(this.taxonomy, passage.termIds);
  }

  /** Anchored passages counting for a term. */
  passagesWith(termId: string): Passage[] {
    return [...(this.passagesByTerm.get(termId) ?? [])].map((key) => this.passageStates.get(key)!.passage);
  }

  passageCount(termId: string): number {
    return this.passagesByTerm.get(termId)?.size ?? 0;
  }

  documentCount(termId: string): number {
    return this.documentsByTerm.get(termId)?.size ?? 0;
  }

  unitCount(termId: string): number {
    return this.unitsByTerm.get(termId)?.size ?? 0;
  }

  /** Units in which both terms apply (n12). */
  cooccurrence(a: string, b: string): number {
    return this.cooc.get(a)?.get(b) ?? 0;
  }

  /** Terms co-occurring with `termId`, with their unit counts. */
  neighbours(termId: string): Map<string, number> {
    return this.cooc.get(termId) ?? new Map();
  }

  /** Passages of the units where both terms apply. */
  passagesWithBoth(a: string, b: string): Passage[] {
    const unitsA = this.unitsByTerm.get(a);
    const unitsB = this.unitsByTerm.get(b);
    if (!unitsA || !unitsB) return [];
    const [small, large] = unitsA.size <= unitsB.size ? [unitsA, unitsB] : [unitsB, unitsA];
    const passages: Passage[] = [];
    for (const key of small) {
      if (!large.has(key)) continue;
      for (const pKey of this.units.get(key)!.passageKeys) passages.push(this.passageStates.get(pKey)!.passage);
    }
    return passages;
  }

  /** Counts the units whose terms include `termId` and at least one of `others`. */
  countUnitsWithAny(termId: string, others: ReadonlySet<string>): number {
    let count = 0;
    for (const key of this.unitsByTerm.get(termId) ?? []) {
      for (const term of this.units.get(key)!.terms) {
        if (others.has(term)) {
          count += 1;
          break;
        }
      }
    }
    return count;
  }

  /** Counts distinct units holding at least one term of `a` and one of `b`. */
  countUnitsWithBoth(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    const seen = new Set<string>();
    let count = 0;
    for (const termId of a) {
      for (const key of this.unitsByTerm.get(termId) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        for (const term of this.units.get(key)!.terms) {
          if (b.has(term)) {
            count += 1;
            break;
          }
        }
      }
    }
    return count;
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  private applyDocument(documentId: string, passages: readonly Passage[]): void {
    const previous = this.documents.get(documentId);
    const next: DocumentState = { passages: new Map(), units: new Map() };
    let layoutUnchanged = previous !== undefined && previous.passages.size === passages.length;
    const changed: PassageState[] = [];
    for (const passage of passages) {
      const old = previous?.passages.get(passage.id);
      if (old && !sameRanges(old.passage, passage)) layoutUnchanged = false;
      if (!old) layoutUnchanged = false;
      const sameTags = old !== undefined && sameList(old.passage.termIds, passage.termIds);
      if (old && sameTags && isOrphaned(old.passage) === isOrphaned(passage)) {
        old.passage = passage; // nothing counted changes: keep the state object
        next.passages.set(passage.id, old);
        continue;
      }
      const state: PassageState = {
        passage,
        terms: sameTags ? old!.terms : effectiveTerms(this.taxonomy, passage.termIds),
        unitKey: old?.unitKey,
      };
      next.passages.set(passage.id, state);
      changed.push(state);
      if (old && sameSet(old.terms, state.terms) && isOrphaned(old.passage) === isOrphaned(passage)) {
        this.passageStates.set(passageKey(passage), state);
        continue;
      }
      if (old) this.countPassage(old, -1);
      this.countPassage(state, +1);
    }
    for (const [id, old] of previous?.passages ?? []) if (!next.passages.has(id)) this.countPassage(old, -1);

    if (layoutUnchanged && previous) {
      // Same passages in the same places: units keep their members; only the units of passages
      // whose tags changed can change their terms.
      const touched = new Set(changed.map((state) => state.unitKey).filter((key): key is string => key !== undefined));
      for (const [key, unit] of previous.units) {
        if (!touched.has(key)) {
          next.units.set(key, unit);
          continue;
        }
        const terms = new Set<string>();
        for (const pKey of unit.passageKeys) for (const term of next.passages.get(pKey.slice(pKey.indexOf('\u0000') + 1))!.terms) terms.add(term);
        const updated: Unit = { ...unit, terms };
        next.units.set(key, updated);
        if (!sameSet(unit.terms, terms)) {
          this.countUnit(unit, -1);
          this.countUnit(updated, +1);
        } else {
          this.units.set(key, updated);
        }
      }
      this.documents.set(documentId, next);
      return;
    }

    for (const group of groupOverlapping(passages)) {
      const passageKeys = group.map(passageKey).sort();
      const key = `${documentId}\u0000${passageKeys.join('\u0001')}`;
      const terms = new Set<string>();
      for (const passage of group) {
        const state = next.passages.get(passage.id)!;
        state.unitKey = key;
        for (const term of state.terms) terms.add(term);
      }
      next.units.set(key, { key, documentId, passageKeys, terms });
    }
    for (const state of next.passages.values()) if (isOrphaned(state.passage)) state.unitKey = undefined;
    for (const [key, unit] of previous?.units ?? []) {
      const same = next.units.get(key);
      if (!same || !sameSet(same.terms, unit.terms)) this.countUnit(unit, -1);
    }
    for (const [key, unit] of next.units) {
      const old = previous?.units.get(key);
      if (!old || !sameSet(old.terms, unit.terms)) this.countUnit(unit, +1);
      else this.units.set(key, unit);
    }
    this.documents.set(documentId, next);
  }

  private removeDocumentState(documentId: string): void {
    const state = this.documents.get(documentId);
    if (!state) return;
    for (const passage of state.passages.values()) this.countPassage(passage, -1);
    for (const unit of state.units.values()) this.countUnit(unit, -1);
    this.documents.delete(documentId);
  }

  private countPassage(state: PassageState, delta: 1 | -1): void {
    const key = passageKey(state.passage);
    if (delta > 0) this.passageStates.set(key, state);
    else if (this.passageStates.get(key) === state) this.passageStates.delete(key);
    if (isOrphaned(state.passage)) return;
    for (const term of state.terms) {
      let set = this.passagesByTerm.get(term);
      if (!set) this.passagesByTerm.set(term, (set = new Set()));
      if (delta > 0) set.add(key);
      else {
        set.delete(key);
        if (set.size === 0) this.passagesByTerm.delete(term);
      }
      let docs = this.documentsByTerm.get(term);
      if (!docs) this.documentsByTerm.set(term, (docs = new Map()));
      bump(docs, state.passage.documentId, delta);
      if (docs.size === 0) this.documentsByTerm.delete(term);
    }
  }

  private countUnit(unit: Unit, delta: 1 | -1): void {
    if (delta > 0) this.units.set(unit.key, unit);
    else this.units.delete(unit.key);
    const terms = [...unit.terms];
    for (const term of terms) {
      let set = this.unitsByTerm.get(term);
      if (!set) this.unitsByTerm.set(term, (set = new Set()));
      if (delta > 0) set.add(unit.key);
      else {
        set.delete(unit.key);
        if (set.size === 0) this.unitsByTerm.delete(term);
      }
    }
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        const a = terms[i]!;
        const b = terms[j]!;
        let rowA = this.cooc.get(a);
        if (!rowA) this.cooc.set(a, (rowA = new Map()));
        let rowB = this.cooc.get(b);
        if (!rowB) this.cooc.set(b, (rowB = new Map()));
        bump(rowA, b, delta);
        bump(rowB, a, delta);
        if (rowA.size === 0) this.cooc.delete(a);
        if (rowB.size === 0) this.cooc.delete(b);
      }
    }
  }
}

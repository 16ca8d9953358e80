import type { Taxonomy, Term, TermKindDef } from './taxonomyTypes.ts';

export interface TermMatch {
  term: Term;
  /** Higher is better; 0 for every term when the query is empty. */
  score: number;
  /** The term is in the caller's recently used list. */
  recent: boolean;
}

export interface TermGroup {
  /** `recent` for the recently used group, otherwise the kind's id. */
  id: string;
  label: string;
  /** The kind of every term in the group (absent for the recently used group, which mixes kinds). */
  kind?: TermKindDef;
  matches: TermMatch[];
}

export interface SearchTermsOptions {
  /** Recently used term ids, most recent first: they come first. */
  recent?: readonly string[];
  /** How many recent terms to show as their own group when the query is empty. */
  recentLimit?: number;
  /** Cap on matches per kind. */
  limitPerKind?: number;
}

const RECENT_GROUP = 'recent';
const UNKNOWN_KIND_COLOR = '#4b5563';

/** Lower case, without diacritics, punctuation turned into spaces: "Côte-d'Ivoire" → "cote d ivoire". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Field {
  text: string;
  words: string[];
  /** The words run together, for subsequences such as "ggei" or "ungge2015i". */
  compact: string;
  weight: number;
}

function field(text: string, weight: number): Field {
  const folded = foldText(text);
  const words = folded === '' ? [] : folded.split(' ');
  return { text: folded, words, compact: words.join(''), weight };
}

/** Positions of `needle`'s letters in order inside `haystack`, or null. */
function subsequence(needle: string, haystack: string): number[] | null {
  const positions: number[] = [];
  let from = 0;
  for (const char of needle) {
    const found = haystack.indexOf(char, from);
    if (found < 0) return null;
    positions.push(found);
    from = found + 1;
  }
  return positions;
}

/** How well one query token matches one field (0: not at all). */
function tokenScore(token: string, target: Field, allowSubsequence: boolean): number {
  if (target.words.includes(token)) return 10 * target.weight;
  if (target.words.some((word) => word.startsWith(token))) return 8 * target.weight;
  if (target.text.includes(token)) return 5 * target.weight;
  if (!allowSubsequence || token.length < 2) return 0;
  const positions = subsequence(token, target.compact);
  if (!positions) return 0;
  // Tighter and earlier subsequences score higher, never above a substring match.
  const spread = (positions.at(-1)! - positions[0]!) / token.length;
  return (positions[0] === 0 ? 3 : 2) * target.weight * (spread <= 2 ? 1 : 0.5);
}

/** The score of a term for a folded, non-empty query: every token must match some field. */
function scoreTerm(term: Term, tokens: string[], whole: string): number {
  const label = field(term.label, 3);
  const id = field(term.id, 2);
  const description = field(term.description, 1);
  let total = 0;
  for (const token of tokens) {
    const best = Math.max(tokenScore(token, label, true), tokenScore(token, id, true), tokenScore(token, description, false));
    if (best === 0) return 0;
    total += best;
  }
  if (label.text.startsWith(whole) || id.text.startsWith(whole)) total += 15;
  else if (tokens.length > 1 && label.text.includes(whole)) total += 8;
  return total;
}

function orderedKinds(taxonomy: Taxonomy): TermKindDef[] {
  return [...taxonomy.kinds.values()].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
}

/**
 * Finds terms for the tag picker: fuzzy over label, id and description (word prefixes, substrings,
 * subsequences; case and diacritics ignored), retired and merged terms left out, grouped by kind in
 * the kinds' order. Recently used terms rank first within their kind; with an empty query they
 * also form a group of their own, at the top.
 */
export function searchTerms(taxonomy: Taxonomy, query: string, options: SearchTermsOptions = {}): TermGroup[] {
  const recent = options.recent ?? [];
  const recentRank = new Map(recent.map((id, index) => [id, index]));
  const whole = foldText(query);
  const tokens = whole === '' ? [] : whole.split(' ');
  const limit = options.limitPerKind ?? Infinity;

  const byKind = new Map<string, TermMatch[]>();
  const insertion = new Map<string, number>();
  let index = 0;
  for (const term of taxonomy.terms.values()) {
    insertion.set(term.id, index++);
    if (term.retired || term.mergedInto) continue;
    const score = tokens.length === 0 ? 0 : scoreTerm(term, tokens, whole);
    if (tokens.length > 0 && score === 0) continue;
    const list = byKind.get(term.kind) ?? [];
    list.push({ term, score, recent: recentRank.has(term.id) });
    byKind.set(term.kind, list);
  }

  const recency = (match: TermMatch) => recentRank.get(match.term.id) ?? recent.length;
  const order = (a: TermMatch, b: TermMatch) => recency(a) - recency(b) || insertion.get(a.term.id)! - insertion.get(b.term.id)!;
  // A recent term gets ahead of others that match about as well.
  const boosted = (match: TermMatch) => match.score + (match.recent ? 6 : 0);
  const compare = (a: TermMatch, b: TermMatch) => (tokens.length === 0 ? order(a, b) : boosted(b) - boosted(a) || order(a, b));

  const groups: TermGroup[] = [];
  if (tokens.length === 0 && recent.length > 0) {
    const shown = new Set<string>();
    const matches: TermMatch[] = [];
    for (const id of recent) {
      const term = taxonomy.terms.get(id);
      if (!term || term.retired || term.mergedInto || shown.has(id)) continue;
      shown.add(id);
      matches.push({ term, score: 0, recent: true });
      if (matches.length >= (options.recentLimit ?? 6)) break;
    }
    if (matches.length > 0) {
      groups.push({ id: RECENT_GROUP, label: 'Recently used', matches });
      // Shown once: at the top, not again in their kind.
      for (const [kind, list] of byKind) byKind.set(kind, list.filter((match) => !shown.has(match.term.id)));
    }
  }

  const kinds = orderedKinds(taxonomy);
  const unknownKinds = [...byKind.keys()].filter((kind) => !taxonomy.kinds.has(kind)).sort();
  const allKinds = [...kinds, ...unknownKinds.map((id, i): TermKindDef => ({ id, label: id, color: UNKNOWN_KIND_COLOR, order: 1000 + i }))];
  for (const kind of allKinds) {
    const matches = (byKind.get(kind.id) ?? []).sort(compare).slice(0, limit);
    if (matches.length > 0) groups.push({ id: kind.id, label: kind.label, kind, matches });
  }
  return groups;
}

import * as Y from 'yjs';
import { indexFragmentText, type FragmentText } from '../annotations/indexFragmentText.ts';

/**
 * Where a comment thread points in the text document. Threads live in a document of their own
 * (so a commenter need not be able to write the text), so they cannot use marks: the anchor is a
 * pair of Yjs relative positions into the text, plus the quoted words with some context, which
 * re-find the passage when the positions are lost (a paragraph merged away) — the way web
 * annotation tools combine a position selector with a text-quote selector.
 */
export interface TextAnchor {
  start: unknown;
  end: unknown;
  quote: string;
  prefix: string;
  suffix: string;
}

export interface ResolvedAnchor {
  from: number;
  to: number;
  via: 'position' | 'quote';
}

const CONTEXT = 32;

function locate(index: FragmentText, offset: number): { type: Y.XmlText; index: number } | undefined {
  let found: { type: Y.XmlText; index: number } | undefined;
  for (const [type, start] of index.starts) {
    const length = type.length;
    if (offset >= start && offset <= start + length) {
      found = { type, index: offset - start };
      if (offset < start + length) break; // prefer the text that contains the character
    }
  }
  return found;
}

/** Anchors the plain-text range [from, to) (offsets as in `indexFragmentText`, which may be passed in). */
export function createTextAnchor(fragment: Y.XmlFragment, from: number, to: number, index = indexFragmentText(fragment)): TextAnchor | undefined {
  const start = locate(index, from);
  const end = locate(index, to);
  if (!start || !end || to <= from) return undefined;
  return {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(start.type, start.index, 0)),
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)),
    quote: index.text.slice(from, to),
    prefix: index.text.slice(Math.max(0, from - CONTEXT), from),
    suffix: index.text.slice(to, to + CONTEXT),
  };
}

function absolute(doc: Y.Doc, index: FragmentText, json: unknown): number | undefined {
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    if (!position || !(position.type instanceof Y.XmlText)) return undefined;
    const start = index.starts.get(position.type);
    return start === undefined ? undefined : start + position.index;
  } catch {
    return undefined;
  }
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Collapses every run of white space (block breaks included) to one space, keeping a map back. */
function normalize(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      if (space) continue;
      space = true;
      out += ' ';
    } else {
      space = false;
      out += char;
    }
    offsets.push(i);
  }
  offsets.push(text.length);
  return { text: out, offsets };
}

const squash = (value: string) => value.replace(/\s+/g, ' ');

/**
 * Finds `quote` in `text` (white space and block breaks compared loosely, so a passage split into
 * two paragraphs is still found), preferring the occurrence whose context matches best and, among
 * equals, the one nearest `hint`.
 */
export function findQuote(text: string, anchor: Pick<TextAnchor, 'quote' | 'prefix' | 'suffix'>, hint = 0): { from: number; to: number } | undefined {
  const quote = squash(anchor.quote).trim();
  if (!quote) return undefined;
  const prefix = squash(anchor.prefix);
  const suffix = squash(anchor.suffix);
  const haystack = normalize(text);
  let best: { from: number; to: number; score: number } | undefined;
  for (let at = haystack.text.indexOf(quote); at >= 0; at = haystack.text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const context =
      commonSuffix(haystack.text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefix(haystack.text.slice(end, end + suffix.length), suffix);
    const from = haystack.offsets[at]!;
    const score = context * 100_000 - Math.abs(from - hint);
    if (!best || score > best.score) best = { from, to: haystack.offsets[end - 1]! + 1, score };
  }
  return best && { from: best.from, to: best.to };
}

/**
 * Resolves an anchor against the current text: by its relative positions when they still
 * enclose text, otherwise by its quote and context; undefined when the passage is gone (orphaned).
 */
export function resolveTextAnchor(fragment: Y.XmlFragment, anchor: TextAnchor, index = indexFragmentText(fragment)): ResolvedAnchor | undefined {
  const doc = fragment.doc;
  if (doc) {
    const from = absolute(doc, index, anchor.start);
    const to = absolute(doc, index, anchor.end);
    const byPosition = from !== undefined && to !== undefined && to > from && index.text.slice(from, to).trim() !== '';
    // Positions that still enclose exactly the quoted words win; when they enclose something else,
    // the words may have moved (a paragraph split or merged re-creates text): look for them, and
    // fall back to the positions only when the words are gone (someone edited the passage).
    if (byPosition && squash(index.text.slice(from, to)).trim() === squash(anchor.quote).trim()) return { from, to, via: 'position' };
    const found = findQuote(index.text, anchor, from ?? to ?? 0);
    if (found) return { ...found, via: 'quote' };
    return byPosition ? { from, to, via: 'position' } : undefined;
  }
  const found = findQuote(index.text, anchor);
  return found && { ...found, via: 'quote' };
}

import type { Taxonomy, Term } from '../taxonomy/taxonomyTypes.ts';
import { escapeXml } from './escapeXml.ts';

/** A stable GUID for a name (two 64-bit FNV-1a hashes shaped as a version-8 UUID): the same term gets the same GUID in every export. */
export function stableGuid(name: string): string {
  const hash = (seed: bigint) => {
    let h = seed;
    for (const char of name) {
      h ^= BigInt(char.codePointAt(0)!);
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return h.toString(16).padStart(16, '0');
  };
  const hex = hash(0xcbf29ce484222325n) + hash(0x84222325cbf29ce4n);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

/**
 * The taxonomy as a REFI-QDA codebook (`.qdc`, namespace urn:QDA-XML:codebook:1.0): each kind is
 * a code that is not codable, holding its terms as codes, nested by parent; retired terms are
 * left out and merged terms are not listed (their passages count for the survivor).
 */
export function refiQdaCodebook(taxonomy: Taxonomy): string {
  const live = [...taxonomy.terms.values()].filter((term) => !term.mergedInto && !term.retired);
  const children = new Map<string, Term[]>();
  const ids = new Set(live.map((term) => term.id));
  for (const term of live) {
    const parent = term.parentId && ids.has(term.parentId) ? term.parentId : `kind:${term.kind}`;
    children.set(parent, [...(children.get(parent) ?? []), term]);
  }
  const colors = new Map([...taxonomy.kinds.values()].map((kind) => [kind.id, kind.color]));
  const code = (term: Term, depth: number, seen: Set<string>): string => {
    const pad = '  '.repeat(depth);
    const nested = seen.has(term.id) ? [] : (children.get(term.id) ?? []);
    const inner = [
      term.description ? `${pad}  <Description>${escapeXml(term.description)}</Description>` : '',
      ...nested.map((child) => code(child, depth + 1, new Set([...seen, term.id]))),
    ].filter(Boolean);
    const attrs = `guid="${stableGuid(`term:${term.id}`)}" name="${escapeXml(term.label)}" isCodable="true" color="${escapeXml(colors.get(term.kind) ?? '#4b5563')}"`;
    return inner.length > 0 ? `${pad}<Code ${attrs}>\n${inner.join('\n')}\n${pad}</Code>` : `${pad}<Code ${attrs}/>`;
  };
  const kinds = [...taxonomy.kinds.values()].sort((a, b) => a.order - b.order);
  const byLabel = (a: Term, b: Term) => a.label.localeCompare(b.label, undefined, { numeric: true });
  const codes = kinds.map((kind) => {
    const terms = [...(children.get(`kind:${kind.id}`) ?? [])].sort(byLabel);
    const attrs = `guid="${stableGuid(`kind:${kind.id}`)}" name="${escapeXml(kind.label)}" isCodable="false" color="${escapeXml(kind.color)}"`;
    if (terms.length === 0) return `    <Code ${attrs}/>`;
    return `    <Code ${attrs}>\n${terms.map((term) => code(term, 3, new Set())).join('\n')}\n    </Code>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Normspace">
  <Codes>
${codes.join('\n')}
  </Codes>
</CodeBook>
`;
}

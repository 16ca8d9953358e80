import type { Taxonomy, Term } from '../../shared/taxonomy/taxonomyTypes.ts';

export interface TermNode {
  term: Term;
  children: TermNode[];
}

export interface TermGroup {
  /** The parent of another kind these terms sit under (e.g. the agreement of a principle); none for top-level terms. */
  parent: Term | undefined;
  nodes: TermNode[];
}

const byLabel = (a: TermNode, b: TermNode) => a.term.label.localeCompare(b.term.label, undefined, { numeric: true });

/**
 * The terms of one kind as trees by parent. Terms whose parent is of another kind are grouped
 * under that parent (a Paris Call principle under the Paris Call); terms under a term of the same
 * kind nest inside it.
 */
export function termTree(taxonomy: Taxonomy, kind: string, include: (term: Term) => boolean): TermGroup[] {
  const terms = [...taxonomy.terms.values()].filter((term) => term.kind === kind && include(term));
  const nodes = new Map(terms.map((term) => [term.id, { term, children: [] } as TermNode]));
  const groups = new Map<string, TermGroup>();
  for (const node of nodes.values()) {
    const parentId = node.term.parentId;
    const parentNode = parentId ? nodes.get(parentId) : undefined;
    if (parentNode && parentNode !== node) {
      parentNode.children.push(node);
      continue;
    }
    const parent = parentId ? taxonomy.terms.get(parentId) : undefined;
    const key = parent && parent.kind !== kind ? parent.id : '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { parent: key ? parent : undefined, nodes: [] }));
    group.nodes.push(node);
  }
  // A cycle (possible only through concurrent re-parenting) would hide its terms: lift one out.
  const seen = new Set<TermNode>();
  const visit = (node: TermNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    node.children.forEach(visit);
  };
  for (const group of groups.values()) group.nodes.forEach(visit);
  for (const node of nodes.values()) {
    if (seen.has(node)) continue;
    const parent = nodes.get(node.term.parentId ?? '');
    if (parent) parent.children = parent.children.filter((child) => child !== node);
    let top = groups.get('');
    if (!top) groups.set('', (top = { parent: undefined, nodes: [] }));
    top.nodes.push(node);
    visit(node);
  }
  for (const node of nodes.values()) node.children.sort(byLabel);
  for (const group of groups.values()) group.nodes.sort(byLabel);
  return [...groups.values()].sort(
    (a, b) => Number(a.parent !== undefined) - Number(b.parent !== undefined) || (a.parent?.label ?? '').localeCompare(b.parent?.label ?? '', undefined, { numeric: true }),
  );
}

/** The built-in kinds; workspaces may add their own. */
export const BUILT_IN_KINDS = ['norm', 'agreement', 'stakeholder', 'incident'] as const;
export type BuiltInKind = (typeof BUILT_IN_KINDS)[number];

export interface TermKindDef {
  id: string;
  label: string;
  /** A strong colour (text, borders, legend); highlights use a tint of it. */
  color: string;
  order: number;
}

export interface Term {
  /** Stable id, e.g. `ungge-2015-i`, `paris-call`, `gov`. */
  id: string;
  kind: string;
  label: string;
  description: string;
  parentId?: string;
  sourceUrl?: string;
  /** Hidden from the picker; kept on passages and in history. */
  retired: boolean;
  /** Set when merged: passages tagged with this term count for the survivor. */
  mergedInto?: string;
}

export interface Taxonomy {
  kinds: Map<string, TermKindDef>;
  terms: Map<string, Term>;
}

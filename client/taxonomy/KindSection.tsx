import { useMemo, type CSSProperties } from 'react';
import type { Taxonomy, Term, TermKindDef } from '../../shared/taxonomy/taxonomyTypes.ts';
import { TermItem, type TermActions } from './TermItem.tsx';
import { termTree, type TermNode } from './termTree.ts';

interface Props {
  kind: TermKindDef;
  taxonomy: Taxonomy;
  include: (term: Term) => boolean;
  actions: TermActions;
  onAddTerm: (kindId: string) => void;
  onEditKind: (kindId: string) => void;
  disabled: boolean;
}

export function kindSectionId(kindId: string): string {
  return `kind-${kindId}`;
}

/** The terms of one kind, as trees by parent, grouped under parents of other kinds. */
export function KindSection({ kind, taxonomy, include, actions, onAddTerm, onEditKind, disabled }: Props) {
  const groups = useMemo(() => termTree(taxonomy, kind.id, include), [taxonomy, kind.id, include]);
  const count = groups.reduce((sum, group) => sum + countNodes(group.nodes), 0);
  const headingId = `${kindSectionId(kind.id)}-title`;
  return (
    <section id={kindSectionId(kind.id)} className="panel kind-section" aria-labelledby={headingId} style={{ '--kind-color': kind.color } as CSSProperties}>
      <div className="kind-section__header">
        <h2 id={headingId} className="kind-section__title">
          <span className="kind-legend__swatch" aria-hidden="true" />
          {kind.label} <span className="count">({count})</span>
        </h2>
        <button type="button" className="button button--small" disabled={disabled} onClick={() => onAddTerm(kind.id)}>
          Add<span className="visually-hidden"> a {kind.label.toLowerCase()}</span>
        </button>
        <button type="button" className="button button--quiet button--small" disabled={disabled} onClick={() => onEditKind(kind.id)}>
          Edit kind<span className="visually-hidden"> {kind.label}</span>
        </button>
      </div>
      {count === 0 ? (
        <p className="empty-state">No terms to show.</p>
      ) : (
        groups.map((group) => (
          <div key={group.parent?.id ?? ''} className="term-group">
            {group.parent && (
              <h3 className="term-group__title">
                Under {group.parent.label}{' '}
                <span className="term-group__kind">({taxonomy.kinds.get(group.parent.kind)?.label ?? group.parent.kind})</span>
              </h3>
            )}
            <ul className="term-tree" aria-label={group.parent ? `${kind.label} terms under ${group.parent.label}` : `${kind.label} terms`}>
              {group.nodes.map((node) => (
                <TermItem key={node.term.id} node={node} taxonomy={taxonomy} actions={actions} disabled={disabled} />
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

function countNodes(nodes: TermNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}

import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { httpUrl } from '../../shared/taxonomy/taxonomyValues.ts';
import type { TermNode } from './termTree.ts';

export interface TermActions {
  edit: (termId: string) => void;
  merge: (termId: string) => void;
  setRetired: (termId: string, retired: boolean) => void;
}

interface Props {
  node: TermNode;
  taxonomy: Taxonomy;
  actions: TermActions;
  disabled: boolean;
}

/** One term with its sub-terms: label, id, state, description, source, and what can be done to it. */
export function TermItem({ node, taxonomy, actions, disabled }: Props) {
  const { term } = node;
  const mergedInto = term.mergedInto ? taxonomy.terms.get(term.mergedInto) : undefined;
  // readTaxonomy keeps only http(s) sources; checked again here, where it becomes a link.
  const source = httpUrl(term.sourceUrl);
  const childCount = [...taxonomy.terms.values()].filter((other) => other.parentId === term.id && other.kind !== term.kind).length;
  return (
    <li className={`term${term.retired ? ' term--retired' : ''}`} data-term={term.id}>
      <div className="term__row">
        <div className="term__main">
          <p className="term__heading">
            <span className="term__label">{term.label}</span> <code className="term__id">{term.id}</code>
            {term.mergedInto ? (
              <span className="badge badge--merged">merged into {mergedInto?.label ?? term.mergedInto}</span>
            ) : (
              term.retired && <span className="badge badge--retired">retired</span>
            )}
          </p>
          {term.description && <p className="term__description">{term.description}</p>}
          {(source || childCount > 0) && (
            <p className="term__extra">
              {childCount > 0 && (
                <span>
                  {childCount} term{childCount === 1 ? '' : 's'} of another kind under it
                </span>
              )}
              {source && (
                <a href={source} target="_blank" rel="noreferrer noopener">
                  Source<span className="visually-hidden"> of {term.label} (opens in a new tab)</span>
                </a>
              )}
            </p>
          )}
        </div>
        {!term.mergedInto && (
          <div className="term__actions">
            <button type="button" className="button button--quiet button--small" disabled={disabled} onClick={() => actions.edit(term.id)}>
              Edit<span className="visually-hidden"> {term.label}</span>
            </button>
            <button type="button" className="button button--quiet button--small" disabled={disabled} onClick={() => actions.merge(term.id)}>
              Merge…<span className="visually-hidden"> {term.label}</span>
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={disabled}
              onClick={() => actions.setRetired(term.id, !term.retired)}
            >
              {term.retired ? 'Restore' : 'Retire'}
              <span className="visually-hidden"> {term.label}</span>
            </button>
          </div>
        )}
      </div>
      {node.children.length > 0 && (
        <ul className="term-tree term-tree--nested" aria-label={`Under ${term.label}`}>
          {node.children.map((child) => (
            <TermItem key={child.term.id} node={child} taxonomy={taxonomy} actions={actions} disabled={disabled} />
          ))}
        </ul>
      )}
    </li>
  );
}

import type { CSSProperties } from 'react';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';

interface Props {
  taxonomy: Taxonomy;
  /** Makes each kind a link to its section (`#kind-<id>`). */
  linkTo?: (kindId: string) => string;
}

/** The colour of each kind, in the taxonomy's order. */
export function KindLegend({ taxonomy, linkTo }: Props) {
  const kinds = [...taxonomy.kinds.values()].sort((a, b) => a.order - b.order);
  return (
    <ul className="kind-legend" aria-label="Kinds and their colours">
      {kinds.map((kind) => (
        <li key={kind.id} className="kind-legend__item" style={{ '--kind-color': kind.color } as CSSProperties}>
          <span className="kind-legend__swatch" aria-hidden="true" />
          {linkTo ? <a href={linkTo(kind.id)}>{kind.label}</a> : kind.label}
        </li>
      ))}
    </ul>
  );
}

import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { highlightLook } from '../editor/annotations/highlightStyle.ts';

/** What the highlight colours mean: one sample per kind, in the taxonomy's order. */
export function HighlightLegend({ taxonomy }: { taxonomy: Taxonomy }) {
  const kinds = [...taxonomy.kinds.values()].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
  if (kinds.length === 0) return null;
  return (
    <div className="highlight-legend">
      <span className="highlight-legend__title" id="highlight-legend-title">
        Highlights
      </span>
      <ul className="highlight-legend__kinds" aria-labelledby="highlight-legend-title">
        {kinds.map((kind) => (
          <li key={kind.id}>
            <span className="highlight-legend__sample" style={highlightLook([kind.color])}>
              {kind.label}
            </span>
          </li>
        ))}
      </ul>
      <span className="highlight-legend__note">A passage takes the colour of its first kind here; overlaps look darker.</span>
    </div>
  );
}

import type { CSSProperties, ReactNode } from 'react';
import type { TermDisplay } from './termDisplay.ts';

/** A tag shown as a small chip: a dot in its kind's colour, the kind for screen readers, the label. */
export function TagChip({ term, children }: { term: TermDisplay; children?: ReactNode }) {
  return (
    <span
      className={`tag-chip${term.retired ? ' tag-chip--retired' : ''}`}
      style={{ '--kind-color': term.color } as CSSProperties}
      title={`${term.kindLabel}: ${term.label}${term.retired ? ' (retired)' : ''}`}
    >
      <span className="tag-chip__dot" aria-hidden="true" />
      <span className="visually-hidden">{term.kindLabel}: </span>
      {term.label}
      {children}
    </span>
  );
}

import type { CSSProperties, KeyboardEvent, MouseEventHandler, Ref } from 'react';
import type { AnnotationRecord } from '../../shared/annotations/annotationDoc.ts';
import { resolveTerm } from '../../shared/taxonomy/resolveTerm.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { useNow } from '../hooks/useNow.ts';
import type { PopoverAnchor } from '../editor/annotations/popoverAnchor.ts';
import { KindSwatch } from './KindSwatch.tsx';
import { RelativeTime } from './RelativeTime.tsx';

export interface CardPassage {
  record: AnnotationRecord;
  /** The passage's words as they are now. */
  quote: string;
}

interface Props {
  ref?: Ref<HTMLDivElement>;
  passages: CardPassage[];
  taxonomy: Taxonomy;
  editable: boolean;
  /** How to reach the card from the text; null while it has focus (it then says how to go back). */
  shortcutHint: string | null;
  anchor: PopoverAnchor;
  onAddTag: (annotationId: string) => void;
  onRemoveTag: (annotationId: string, termId: string) => void;
  onRemovePassage: (annotationId: string) => void;
  onClose: () => void;
  /** Focus left the card (Tab past its last button, a click elsewhere). */
  onFocusLeave: () => void;
  onMouseEnter?: MouseEventHandler;
  onMouseLeave?: MouseEventHandler;
}

function describeTerm(taxonomy: Taxonomy, termId: string) {
  const term = resolveTerm(taxonomy, termId);
  const kind = term ? taxonomy.kinds.get(term.kind) : undefined;
  return {
    label: term?.label ?? termId,
    kind: kind?.label ?? 'Unknown term',
    color: kind?.color ?? '#4b5563',
    retired: term?.retired === true,
  };
}

const shorten = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The tags of the passage(s) under the caret or the pointer: who added each and when, with edit buttons. */
export function AnnotationCard(props: Props) {
  const { ref, passages, taxonomy, editable, shortcutHint, anchor } = props;
  const now = useNow(30_000);
  const style: CSSProperties = { left: anchor.left, top: anchor.top, maxHeight: anchor.maxHeight };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  };

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={passages.length > 1 ? `Tags of ${passages.length} overlapping passages` : 'Tags of this passage'}
      className={`annotation-card${anchor.above ? ' annotation-card--above' : ''}`}
      style={style}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onFocusLeave();
      }}
      onMouseEnter={props.onMouseEnter}
      onMouseLeave={props.onMouseLeave}
    >
      {passages.map(({ record, quote }) => (
        <section key={record.id} className="annotation-card__passage" aria-label={`Passage “${shorten(quote, 60)}”`}>
          <p className="annotation-card__quote">“{shorten(quote)}”</p>
          {record.tags.length === 0 ? (
            <p className="annotation-card__meta">No tags left on this passage.</p>
          ) : (
            <ul className="annotation-card__tags">
              {record.tags.map((tag) => {
                const term = describeTerm(taxonomy, tag.termId);
                return (
                  <li key={tag.termId} className="annotation-card__tag">
                    <KindSwatch color={term.color} />
                    <span className="annotation-card__tag-text">
                      <span className="annotation-card__label">
                        {term.label}
                        {term.retired && <span className="annotation-card__retired"> (retired)</span>}
                      </span>
                      <span className="annotation-card__meta">
                        {term.kind} · added by {tag.by.name}, <RelativeTime timestamp={tag.at} now={now} />
                      </span>
                    </span>
                    {editable && (
                      <button
                        type="button"
                        className="annotation-card__remove"
                        aria-label={`Remove the tag ${term.label}`}
                        title="Remove this tag"
                        onClick={() => props.onRemoveTag(record.id, tag.termId)}
                      >
                        ×
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p className="annotation-card__meta">
            Passage marked by {record.createdBy.name}, <RelativeTime timestamp={record.createdAt} now={now} />
          </p>
          {editable && (
            <div className="annotation-card__actions">
              <button type="button" className="button" onClick={() => props.onAddTag(record.id)}>
                Add a tag
              </button>
              <button type="button" className="button button--quiet" onClick={() => props.onRemovePassage(record.id)}>
                Remove passage
              </button>
            </div>
          )}
        </section>
      ))}
      <p className="annotation-card__hint">{shortcutHint ?? 'Esc returns to the text.'}</p>
    </div>
  );
}

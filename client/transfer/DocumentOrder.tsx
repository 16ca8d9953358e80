import type { DocumentMeta } from '../../shared/workspaceIndex.ts';

interface Props {
  documents: DocumentMeta[];
  /** Chosen ids, in report order. */
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** Which documents go into the report, and in what order (chapters): checkboxes, then move up / down. */
export function DocumentOrder({ documents, selected, onChange }: Props) {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const unselected = documents.filter((document) => !selected.includes(document.id));
  const move = (index: number, delta: number) => {
    const next = [...selected];
    const [id] = next.splice(index, 1);
    next.splice(index + delta, 0, id!);
    onChange(next);
  };
  return (
    <fieldset className="transfer-fieldset">
      <legend>Documents, in report order</legend>
      <ol className="document-order">
        {selected.map((id, index) => (
          <li key={id} className="document-order__item">
            <label>
              <input type="checkbox" checked onChange={() => onChange(selected.filter((other) => other !== id))} />
              {byId.get(id)?.title ?? id}
            </label>
            <span className="document-order__moves">
              <button type="button" className="button button--quiet" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move “${byId.get(id)?.title ?? id}” up`}>
                ↑
              </button>
              <button type="button" className="button button--quiet" disabled={index === selected.length - 1} onClick={() => move(index, 1)} aria-label={`Move “${byId.get(id)?.title ?? id}” down`}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      {unselected.length > 0 && (
        <ul className="document-order document-order--more" aria-label="Other documents">
          {unselected.map((document) => (
            <li key={document.id} className="document-order__item">
              <label>
                <input type="checkbox" checked={false} onChange={() => onChange([...selected, document.id])} />
                {document.title}
                {document.archived ? ' (archived)' : ''}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

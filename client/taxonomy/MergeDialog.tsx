import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { termsOfKind } from '../../shared/analysis/termsOfKind.ts';
import { mergeTerms } from '../../shared/taxonomy/taxonomyDoc.ts';
import type { Taxonomy, Term } from '../../shared/taxonomy/taxonomyTypes.ts';
import { Dialog } from './Dialog.tsx';
import { FormField } from './FormField.tsx';

interface Props {
  doc: Y.Doc;
  taxonomy: Taxonomy;
  term: Term;
  onClose: (message?: string) => void;
}

/** Merges a term into a survivor of the same kind, after saying what that does to passages. */
export function MergeDialog({ doc, taxonomy, term, onClose }: Props) {
  const survivors = termsOfKind(taxonomy, term.kind, true).filter((other) => other.id !== term.id);
  const [intoId, setIntoId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const into = taxonomy.terms.get(intoId);
  const kindLabel = (taxonomy.kinds.get(term.kind)?.label ?? term.kind).toLowerCase();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!into) {
      setError(`Choose the ${kindLabel} that stays.`);
      return;
    }
    const result = mergeTerms(doc, term.id, into.id);
    if (!result.ok) {
      setError(`The terms could not be merged: ${result.error}.`);
      return;
    }
    onClose(`Merged “${term.label}” into “${into.label}”.`);
  };

  return (
    <Dialog title={`Merge “${term.label}”`} onClose={() => onClose()} className="merge-dialog">
      <form onSubmit={submit} noValidate className="dialog__form">
        {survivors.length === 0 ? (
          <p>There is no other {kindLabel} to merge it into.</p>
        ) : (
          <FormField label="Merge into" error={error ?? undefined}>
            {(control) => (
              <select
                {...control}
                autoFocus
                value={intoId}
                onChange={(event) => {
                  setIntoId(event.target.value);
                  setError(null);
                }}
              >
                <option value="">Choose the {kindLabel} that stays…</option>
                {survivors.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.label}
                    {other.retired ? ' (retired)' : ''}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <div className="dialog__explanation">
          <p>
            Every passage tagged “{term.label}” will count as “{into?.label ?? 'the term you choose'}” from now on, in every document
            and for everyone, without changing the documents.
          </p>
          <p>
            “{term.label}” is retired and its sub-terms move under the survivor. A merge cannot be taken back here.
          </p>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={survivors.length === 0}>
            {into ? `Merge into “${into.label}”` : 'Merge'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { wouldCreateCycle } from '../../shared/taxonomy/resolveTerm.ts';
import { setParent, upsertTerm } from '../../shared/taxonomy/taxonomyDoc.ts';
import type { Taxonomy, Term } from '../../shared/taxonomy/taxonomyTypes.ts';
import { Dialog } from './Dialog.tsx';
import { FormField } from './FormField.tsx';
import { IdField } from './IdField.tsx';
import { suggestTermId } from './suggestTermId.ts';
import { TermSelectOptions } from './TermSelectOptions.tsx';
import { validateTermInput, type TermDraft, type TermErrors } from './validateTermInput.ts';

interface Props {
  doc: Y.Doc;
  taxonomy: Taxonomy;
  /** The term to edit; absent to add a new one. */
  term?: Term;
  /** The kind a new term starts with. */
  kind?: string;
  onClose: (message?: string) => void;
}

function draftOf(term: Term | undefined, kind: string): TermDraft {
  return {
    id: term?.id ?? '',
    kind: term?.kind ?? kind,
    label: term?.label ?? '',
    description: term?.description ?? '',
    parentId: term?.parentId ?? '',
    sourceUrl: term?.sourceUrl ?? '',
  };
}

/** Adds a term or edits one: label, id (new terms), description, parent (re-parenting) and source. */
export function TermDialog({ doc, taxonomy, term, kind, onClose }: Props) {
  const isNew = term === undefined;
  const kinds = [...taxonomy.kinds.values()].sort((a, b) => a.order - b.order);
  const [draft, setDraft] = useState<TermDraft>(() => draftOf(term, kind ?? kinds[0]?.id ?? 'norm'));
  const [idEdited, setIdEdited] = useState(false);
  const [errors, setErrors] = useState<TermErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const change = (patch: Partial<TermDraft>) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      if (isNew && !idEdited && patch.label !== undefined) next.id = suggestTermId(patch.label);
      return next;
    });
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof TermDraft];
      if (patch.label !== undefined && !idEdited) delete next.id;
      return next;
    });
  };

  // A term cannot go under itself or under one of its own descendants.
  const excluded = new Set<string>();
  if (term) for (const other of taxonomy.terms.values()) if (wouldCreateCycle(taxonomy, term.id, other.id)) excluded.add(other.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTermInput(draft, taxonomy, isNew);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const parentId = draft.parentId || undefined;
    let refusal: string | null = null;
    doc.transact(() => {
      if (!isNew && parentId !== term.parentId) {
        const result = setParent(doc, term.id, parentId);
        if (!result.ok) {
          refusal = result.error;
          return;
        }
      }
      upsertTerm(doc, {
        id: isNew ? draft.id : term.id,
        kind: draft.kind,
        label: draft.label.trim(),
        description: draft.description.trim(),
        ...(parentId ? { parentId } : {}),
        ...(draft.sourceUrl.trim() ? { sourceUrl: draft.sourceUrl.trim() } : {}),
      });
    });
    if (refusal) {
      setFailure(`The term could not be moved: ${refusal}.`);
      return;
    }
    onClose(isNew ? `Added “${draft.label.trim()}”.` : `Saved “${draft.label.trim()}”.`);
  };

  return (
    <Dialog title={isNew ? 'Add a term' : `Edit “${term.label}”`} onClose={() => onClose()} className="term-dialog">
      <form onSubmit={submit} noValidate className="dialog__form">
        {isNew ? (
          <FormField label="Kind" error={errors.kind}>
            {(control) => (
              <select {...control} value={draft.kind} onChange={(event) => change({ kind: event.target.value })}>
                {kinds.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <p className="dialog__fact">
            Kind: <strong>{taxonomy.kinds.get(term.kind)?.label ?? term.kind}</strong> · id <code>{term.id}</code>
          </p>
        )}
        <FormField label="Label" error={errors.label}>
          {(control) => (
            <input {...control} type="text" autoFocus maxLength={200} value={draft.label} onChange={(event) => change({ label: event.target.value })} />
          )}
        </FormField>
        {isNew && (
          <IdField
            value={draft.id}
            hint="Stable, used in files and links. Suggested from the label; you can change it."
            error={errors.id}
            onChange={(id) => {
              setIdEdited(true);
              change({ id });
            }}
          />
        )}
        <FormField label="Description" error={errors.description}>
          {(control) => (
            <textarea {...control} rows={2} maxLength={2000} value={draft.description} onChange={(event) => change({ description: event.target.value })} />
          )}
        </FormField>
        <FormField label="Parent" hint="A principle under its agreement, a norm under a theme. Passages count for the parent too." error={errors.parentId}>
          {(control) => (
            <select {...control} value={draft.parentId} onChange={(event) => change({ parentId: event.target.value })}>
              <option value="">No parent</option>
              <TermSelectOptions taxonomy={taxonomy} exclude={excluded} />
            </select>
          )}
        </FormField>
        <FormField label="Source (optional)" error={errors.sourceUrl}>
          {(control) => (
            <input {...control} type="url" placeholder="https://" value={draft.sourceUrl} onChange={(event) => change({ sourceUrl: event.target.value })} />
          )}
        </FormField>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            {isNew ? 'Add term' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

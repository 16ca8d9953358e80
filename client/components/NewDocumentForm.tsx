import { useId, useState, type FormEvent } from 'react';
import { TITLE_MAX_LENGTH } from '../../shared/api.ts';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from '../../shared/documentKinds.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { normspaceApi } from '../api/normspaceApi.ts';
import { documentPath } from '../router/matchRoute.ts';
import { navigate } from '../router/navigate.ts';

/** Creates a document through the API and opens it; the list everyone sees updates by itself. */
export function NewDocumentForm({ workspaceId }: { workspaceId: string }) {
  const titleId = useId();
  const kindId = useId();
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('meeting-notes');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setError('Give the document a title.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { document } = await normspaceApi.createDocument(workspaceId, { title: title.trim(), kind });
      navigate(documentPath(workspaceId, document.id));
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.userMessage : 'The document could not be created.');
      setBusy(false);
    }
  };

  return (
    <form className="new-document" onSubmit={submit} noValidate aria-labelledby={`${titleId}-heading`}>
      <h2 id={`${titleId}-heading`} className="section-title">
        New document
      </h2>
      <div className="new-document__fields">
        <div className="field field--grow">
          <label htmlFor={titleId}>Title</label>
          <input
            id={titleId}
            value={title}
            maxLength={TITLE_MAX_LENGTH}
            placeholder="e.g. Notes from the March call"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={kindId}>Kind</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)}>
            {DOCUMENT_KINDS.map((value) => (
              <option key={value} value={value}>
                {DOCUMENT_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create'}
        </button>
      </div>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

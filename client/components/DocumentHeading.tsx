import { useState } from 'react';
import { DOCUMENT_KIND_LABELS } from '../../shared/documentKinds.ts';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { normspaceApi } from '../api/normspaceApi.ts';
import { RenameField } from './RenameField.tsx';

interface Props {
  workspaceId: string;
  meta: DocumentMeta | undefined;
}

/** The document's title (live from the workspace index) with inline rename, and its kind. */
export function DocumentHeading({ workspaceId, meta }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = meta?.title ?? 'Loading…';

  const rename = async (next: string) => {
    if (!meta) return;
    setError(null);
    try {
      await normspaceApi.updateDocument(workspaceId, meta.id, { title: next });
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.userMessage : 'The new title could not be saved.');
    }
  };

  return (
    <div className="document-heading">
      {renaming && meta ? (
        <RenameField
          initial={meta.title}
          label="Document title"
          className="document-heading__rename"
          onSave={(next) => {
            setRenaming(false);
            void rename(next);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <h1 className="document-heading__title">{title}</h1>
      )}
      {!renaming && meta && (
        <button type="button" className="button button--quiet" onClick={() => setRenaming(true)} aria-label={`Rename ${meta.title}`}>
          Rename
        </button>
      )}
      {meta && <span className="kind-label">{DOCUMENT_KIND_LABELS[meta.kind] ?? meta.kind}</span>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

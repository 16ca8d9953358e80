import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TITLE_MAX_LENGTH } from '../../shared/api.ts';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from '../../shared/documentKinds.ts';
import { IMPORT_ACCEPT, type ImportResponse } from '../../shared/import/ImportRequest.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { Link } from '../components/Link.tsx';
import { documentPath } from '../router/matchRoute.ts';
import { Dialog } from '../taxonomy/Dialog.tsx';
import { requestImport } from './transferApi.ts';
import { TransferProgress, formatBytes } from './TransferProgress.tsx';

type Status =
  | { state: 'idle' }
  | { state: 'uploading'; fileName: string; sent: number; total: number }
  | { state: 'converting'; fileName: string; total: number }
  | { state: 'done'; result: ImportResponse }
  | { state: 'error'; text: string };

/** The bar while the file goes up (how much of it), then while the server converts it (indeterminate). */
function ImportProgress({ status }: { status: Extract<Status, { state: 'uploading' | 'converting' }> }) {
  if (status.state === 'converting') {
    return <TransferProgress label={`Converting ${status.fileName}…`} detail={`Uploaded ${formatBytes(status.total)}; the server is making it a document.`} />;
  }
  const percent = status.total > 0 ? Math.floor((100 * status.sent) / status.total) : 0;
  return <TransferProgress label={`Uploading ${status.fileName}…`} value={status.sent} max={status.total} detail={`${formatBytes(status.sent)} of ${formatBytes(status.total)} (${percent}%)`} />;
}

/** Import a Word, Markdown or HTML file as a new document; everyone sees it in the list at once. */
export function ImportDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>('contribution');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const working = status.state === 'uploading' || status.state === 'converting';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setStatus({ state: 'error', text: 'Choose a file to import.' });
      return;
    }
    abort.current = new AbortController();
    const fileName = file.name;
    setStatus({ state: 'uploading', fileName, sent: 0, total: file.size });
    try {
      const result = await requestImport(
        workspaceId,
        file,
        { kind, title: title.trim() || undefined },
        {
          signal: abort.current.signal,
          onProgress: (sent, total) => setStatus({ state: 'uploading', fileName, sent, total }),
          onSent: () => setStatus({ state: 'converting', fileName, total: file.size }),
        },
      );
      setStatus({ state: 'done', result });
    } catch (caught) {
      if (abort.current?.signal.aborted) return;
      setStatus({ state: 'error', text: caught instanceof ApiRequestError ? caught.userMessage : 'The import failed. Try again.' });
    }
  };

  if (status.state === 'done') {
    const { document, warnings, annotations } = status.result;
    return (
      <Dialog title="Imported" onClose={onClose} className="transfer-dialog">
        <p role="status">
          “{document.title}” is now a {DOCUMENT_KIND_LABELS[document.kind].toLowerCase()} in this workspace
          {annotations > 0 ? `, with ${annotations} tagged passage${annotations === 1 ? '' : 's'}` : ''}.
        </p>
        {warnings.length > 0 && (
          <ul className="transfer-warnings" aria-label="What did not come across">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <Link href={documentPath(workspaceId, document.id)} className="button button--primary">
            Open the document
          </Link>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Import a document" onClose={onClose} className="transfer-dialog">
      <form className="dialog__form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>File</label>
          <input id={`${id}-file`} type="file" accept={IMPORT_ACCEPT} aria-describedby={`${id}-file-hint`} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          <p id={`${id}-file-hint`} className="field__hint">
            Word (.docx), Markdown (.md) or a web page (.html). Headings, lists, tables, links and emphasis are kept; a Normspace HTML export keeps its tags too.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)}>
            {DOCUMENT_KINDS.map((value) => (
              <option key={value} value={value}>
                {DOCUMENT_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} type="text" value={title} maxLength={TITLE_MAX_LENGTH} placeholder="From the file’s first heading, or its name" onChange={(event) => setTitle(event.target.value)} />
        </div>
        {(status.state === 'uploading' || status.state === 'converting') && <ImportProgress status={status} />}
        {status.state === 'error' && (
          <p role="alert" className="form-error">
            {status.text}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={working}>
            {working ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

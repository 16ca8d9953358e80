import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TITLE_MAX_LENGTH } from '../../shared/api.ts';
import { ANNEX_KINDS, ANNEX_LABELS, type AnnexKind, type PageSize, type TagPlacement } from '../../shared/export/ExportRequest.ts';
import { DATA_FORMATS, EXPORT_FORMAT_INFO, REPORT_FORMATS, isReportFormat, type ExportFormat } from '../../shared/export/exportFormats.ts';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { Dialog } from '../taxonomy/Dialog.tsx';
import { DocumentOrder } from './DocumentOrder.tsx';
import { requestExport, saveFile } from './transferApi.ts';
import { TransferProgress, formatBytes } from './TransferProgress.tsx';

interface Props {
  workspaceId: string;
  documents: DocumentMeta[];
  /** Documents chosen when the dialog opens (the open document, or every active one). */
  initialSelection: string[];
  onClose: () => void;
}

type Status = { state: 'idle' } | { state: 'working'; received: number; total: number | undefined } | { state: 'done'; text: string } | { state: 'error'; text: string };

const TAG_LABELS: Record<TagPlacement, string> = { none: 'Leave tags out', footnotes: 'Highlight tagged words, tags in numbered notes', annex: 'List tagged passages in an annex' };

/** Export a document, or chapters in order, as a report or as data; the file downloads when ready. */
export function ExportDialog({ workspaceId, documents, initialSelection, onClose }: Props) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [selected, setSelected] = useState<string[]>(initialSelection);
  const [title, setTitle] = useState('');
  const [titlePage, setTitlePage] = useState(true);
  const [tableOfContents, setTableOfContents] = useState(true);
  const [comments, setComments] = useState(false);
  const [tags, setTags] = useState<TagPlacement>('footnotes');
  const [annexes, setAnnexes] = useState<AnnexKind[]>(['norm-classes', 'matrix', 'coverage']);
  const [pageSize, setPageSize] = useState<PageSize>('a4');
  const [taggedPdf, setTaggedPdf] = useState(false);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const report = isReportFormat(format);
  const needsDocuments = EXPORT_FORMAT_INFO[format].needsDocuments;
  const working = status.state === 'working';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (needsDocuments && selected.length === 0) {
      setStatus({ state: 'error', text: 'Choose at least one document.' });
      return;
    }
    abort.current = new AbortController();
    setStatus({ state: 'working', received: 0, total: undefined });
    try {
      const file = await requestExport(
        workspaceId,
        {
          format,
          documents: needsDocuments ? selected : [],
          ...(report ? { title: title.trim() || undefined, titlePage, tableOfContents, comments, tags, annexes, pageSize, ...(format === 'pdf' ? { taggedPdf } : {}) } : {}),
        },
        (received, total) => setStatus({ state: 'working', received, total }),
        abort.current.signal,
      );
      saveFile(file);
      setStatus({ state: 'done', text: `Downloaded ${file.fileName} (${formatBytes(file.blob.size)}).${file.notice ? ` ${file.notice}` : ''}` });
    } catch (caught) {
      if (abort.current?.signal.aborted) return;
      setStatus({ state: 'error', text: caught instanceof ApiRequestError ? caught.userMessage : 'The export failed. Try again.' });
    }
  };

  const radio = (value: ExportFormat) => (
    <label key={value} className="transfer-choice">
      <input type="radio" name={`${id}-format`} value={value} checked={format === value} onChange={() => setFormat(value)} />
      {EXPORT_FORMAT_INFO[value].label}
    </label>
  );

  return (
    <Dialog title="Export" onClose={onClose} className="transfer-dialog">
      <form className="dialog__form" onSubmit={submit} noValidate>
        <div className="transfer-columns">
          <fieldset className="transfer-fieldset">
            <legend>Report</legend>
            {REPORT_FORMATS.map(radio)}
          </fieldset>
          <fieldset className="transfer-fieldset">
            <legend>Data</legend>
            {DATA_FORMATS.map(radio)}
          </fieldset>
        </div>
        {needsDocuments && <DocumentOrder documents={documents} selected={selected} onChange={setSelected} />}
        {report && (
          <>
            <div className="field">
              <label htmlFor={`${id}-title`}>Report title</label>
              <input id={`${id}-title`} type="text" value={title} maxLength={TITLE_MAX_LENGTH} placeholder="The document’s title, or the workspace name for several" onChange={(event) => setTitle(event.target.value)} />
            </div>
            <fieldset className="transfer-fieldset transfer-columns">
              <legend>Contents</legend>
              <label className="transfer-choice">
                <input type="checkbox" checked={titlePage} onChange={(event) => setTitlePage(event.target.checked)} />
                Title page
              </label>
              <label className="transfer-choice">
                <input type="checkbox" checked={tableOfContents} onChange={(event) => setTableOfContents(event.target.checked)} />
                Table of contents
              </label>
              <label className="transfer-choice">
                <input type="checkbox" checked={comments} onChange={(event) => setComments(event.target.checked)} />
                Open comments and replies
              </label>
              {format === 'pdf' && (
                <label className="transfer-choice">
                  <input type="checkbox" checked={taggedPdf} onChange={(event) => setTaggedPdf(event.target.checked)} />
                  Tagged for screen readers (for publishing; takes about twice as long)
                </label>
              )}
            </fieldset>
            <div className="transfer-columns">
              <div className="field">
                <label htmlFor={`${id}-tags`}>Tags</label>
                <select id={`${id}-tags`} value={tags} onChange={(event) => setTags(event.target.value as TagPlacement)}>
                  {Object.entries(TAG_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              {(format === 'pdf' || format === 'docx' || format === 'html') && (
                <div className="field">
                  <label htmlFor={`${id}-page`}>Page size</label>
                  <select id={`${id}-page`} value={pageSize} onChange={(event) => setPageSize(event.target.value as PageSize)}>
                    <option value="a4">A4</option>
                    <option value="letter">US Letter</option>
                  </select>
                </div>
              )}
            </div>
            <fieldset className="transfer-fieldset">
              <legend>Annexes from the analysis</legend>
              {ANNEX_KINDS.map((kind) => (
                <label key={kind} className="transfer-choice">
                  <input
                    type="checkbox"
                    checked={annexes.includes(kind)}
                    onChange={(event) => setAnnexes(event.target.checked ? ANNEX_KINDS.filter((k) => k === kind || annexes.includes(k)) : annexes.filter((k) => k !== kind))}
                  />
                  {ANNEX_LABELS[kind]}
                </label>
              ))}
            </fieldset>
          </>
        )}
        {status.state === 'working' && (
          <TransferProgress
            label={status.received === 0 ? 'Preparing the export on the server…' : 'Downloading the file…'}
            value={status.total ? status.received : undefined}
            max={status.total}
            {...(status.received > 0 ? { detail: `${formatBytes(status.received)}${status.total ? ` of ${formatBytes(status.total)}` : ''}` } : {})}
          />
        )}
        {status.state === 'done' && (
          <p role="status" className="transfer-done">
            {status.text}
          </p>
        )}
        {status.state === 'error' && (
          <p role="alert" className="form-error">
            {status.text}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {status.state === 'done' ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={working}>
            {working ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

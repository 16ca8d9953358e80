import { exportProblemsNotice, type ExportRequestInput } from '../../shared/export/ExportRequest.ts';
import type { ImportQuery, ImportResponse } from '../../shared/import/ImportRequest.ts';
import { apiFetch } from '../api/apiRequest.ts';
import { apiUpload, type UploadOptions } from '../api/apiUpload.ts';

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  /** What the export left out or flattened (damaged records, very deep nesting), said to the person. */
  notice?: string;
}

/** Reads a response body, reporting bytes received (and the total when the server sent one). */
async function readWithProgress(response: Response, onProgress: (received: number, total: number | undefined) => void): Promise<Blob> {
  const total = Number(response.headers.get('content-length')) || undefined;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  return new Blob(chunks, { type });
}

/** Asks the server for an export and downloads it (through `apiFetch`, so that credentials apply). */
export async function requestExport(
  workspaceId: string,
  request: ExportRequestInput,
  onProgress: (received: number, total: number | undefined) => void,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  const response = await apiFetch(`${base(workspaceId)}/exports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: '*/*' },
    body: JSON.stringify(request),
    signal,
  });
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export';
  const notice = exportProblemsNotice(response.headers);
  const blob = await readWithProgress(response, onProgress);
  return notice ? { blob, fileName, notice } : { blob, fileName };
}

/** Uploads a file to import as a new document, reporting how much of it is sent (see `apiUpload`). */
export function requestImport(
  workspaceId: string,
  file: File,
  query: Omit<ImportQuery, 'fileName'>,
  progress: Pick<UploadOptions, 'onProgress' | 'onSent' | 'signal'> = {},
): Promise<ImportResponse> {
  const params = new URLSearchParams({ kind: query.kind, fileName: file.name });
  if (query.title) params.set('title', query.title);
  return apiUpload<ImportResponse>(`${base(workspaceId)}/imports?${params}`, file, { ...progress, headers: { 'content-type': 'application/octet-stream' } });
}

/** Saves a blob as a file through a temporary object URL. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

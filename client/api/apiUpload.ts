import { ApiRequestError } from './ApiRequestError.ts';
import { answerError, apiHeaders } from './apiRequest.ts';

export interface UploadOptions {
  headers?: HeadersInit;
  signal?: AbortSignal;
  /** Bytes of the body sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
  /** The whole body is sent; the server is working on its answer. */
  onSent?: () => void;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * POSTs a file as `apiFetch` would (same session header, same `ApiRequestError`s) and resolves
 * with the JSON answer, telling how much of the file is sent: fetch cannot report the progress of
 * a request body, XMLHttpRequest can. Rejects with an `AbortError` when `signal` aborts.
 */
export function apiUpload<T>(path: string, body: Blob, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    apiHeaders(path, options.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
    // Upload listeners must be in place before send(), or the browser reports no upload progress.
    xhr.upload.addEventListener('progress', (event) => options.onProgress?.(event.loaded, event.lengthComputable ? event.total : body.size));
    xhr.upload.addEventListener('load', () => options.onSent?.());
    xhr.addEventListener('load', () => {
      const answer = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) reject(answerError(xhr.status, answer));
      else if (answer === undefined) reject(new Error(`unreadable answer to POST ${path}`));
      else resolve(answer as T);
    });
    xhr.addEventListener('error', () => reject(new ApiRequestError('network error', 0)));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

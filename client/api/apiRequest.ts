import type { ApiError } from '../../shared/api.ts';
import { readSession } from '../auth/sessionStorage.ts';
import { ApiRequestError } from './ApiRequestError.ts';

/** The workspace a path is about (`/api/workspaces/<id>/…`), whose session signs the request. */
function workspaceOf(path: string): string | undefined {
  const match = /^\/api\/workspaces\/([^/?#]+)/.exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/**
 * The headers of an API call: JSON accepted unless said otherwise, and the session of the
 * workspace concerned (from the path, or `workspaceId`).
 */
export function apiHeaders(path: string, init?: HeadersInit, options: { workspaceId?: string } = {}): Headers {
  const headers = new Headers(init);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const workspaceId = options.workspaceId ?? workspaceOf(path);
  const token = workspaceId ? readSession(workspaceId)?.token : undefined;
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

/** The error of a non-2xx answer, with the server's message when its body (parsed JSON, if any) is an API error. */
export function answerError(status: number, body: unknown): ApiRequestError {
  const error = body as Partial<ApiError> | undefined;
  return new ApiRequestError(error?.error ?? `request failed (${status})`, status, error?.details ?? []);
}

/**
 * The one place the client calls the API (`apiUpload` too, for files): signs the request with the
 * session of the workspace concerned (from the path, or `workspaceId`); throws `ApiRequestError`
 * on network failure or a non-2xx answer, with the server's message.
 */
export async function apiFetch(path: string, init: RequestInit = {}, options: { workspaceId?: string } = {}): Promise<Response> {
  const headers = apiHeaders(path, init.headers, options);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiRequestError('network error', 0);
  }
  if (!response.ok) throw answerError(response.status, await response.json().catch(() => undefined));
  return response;
}

/** Calls the JSON API; throws `ApiRequestError` on network failure or a non-2xx answer. */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { workspaceId?: string } = {},
): Promise<T> {
  const response = await apiFetch(
    path,
    {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    options,
  );
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => undefined)) as T;
}

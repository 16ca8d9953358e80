import type { ApiError } from '../../shared/api.ts';
import { readSession } from '../auth/sessionStorage.ts';
import { ApiRequestError } from './ApiRequestError.ts';

/** The workspace a path is about (`/api/workspaces/<id>/…`), whose session signs the request. */
function workspaceOf(path: string): string | undefined {
  const match = /^\/api\/workspaces\/([^/?#]+)/.exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/**
 * The one place the client calls the API: signs the request with the session of the workspace
 * concerned (from the path, or `workspaceId`); throws `ApiRequestError` on network failure or a
 * non-2xx answer, with the server's message.
 */
export async function apiFetch(path: string, init: RequestInit = {}, options: { workspaceId?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const workspaceId = options.workspaceId ?? workspaceOf(path);
  const token = workspaceId ? readSession(workspaceId)?.token : undefined;
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiRequestError('network error', 0);
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => undefined)) as Partial<ApiError> | undefined;
    throw new ApiRequestError(error?.error ?? `request failed (${response.status})`, response.status, error?.details ?? []);
  }
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

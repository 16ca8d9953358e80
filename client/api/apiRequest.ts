import type { ApiError } from '../../shared/api.ts';
import { ApiRequestError } from './ApiRequestError.ts';

/**
 * The one place the client calls the API (and so the one place credentials will be added):
 * throws `ApiRequestError` on network failure or a non-2xx answer, with the server's message.
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
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
export async function apiRequest<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const response = await apiFetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json().catch(() => undefined)) as T;
}

import type { ApiError } from '../../shared/api.ts';
import { ApiRequestError } from './ApiRequestError.ts';

/** Calls the JSON API; throws `ApiRequestError` on network failure or a non-2xx answer. */
export async function apiRequest<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError('network error', 0);
  }
  const payload = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const error = payload as Partial<ApiError> | undefined;
    throw new ApiRequestError(error?.error ?? `request failed (${response.status})`, response.status, error?.details ?? []);
  }
  return payload as T;
}

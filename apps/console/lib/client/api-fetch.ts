import type { SavedSettingsCheck } from './api-types';
import { isSignedOutPage } from './signed-out-pages';

/** An answer of the API that is not a success, with the `error` body of docs/api.md. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The input at fault, e.g. `streamArn` or `tables.0.name`. */
    readonly field?: string,
    /** With `checks_failed`: every check run before saving, the failing ones among them. */
    readonly checks?: SavedSettingsCheck[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls `/api/v1{path}`; resolves with the JSON body, or throws an ApiError worded for a person. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: request.method ?? 'GET',
      headers: request.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The console server cannot be reached. Check that it is running.');
  }
  const body = await readJson(response);
  if (
    response.status === 401 &&
    typeof window !== 'undefined' &&
    // There a 401 is an answer to show (a wrong password), not a reason to go to sign-in.
    !isSignedOutPage(window.location.pathname)
  ) {
    // The session ended (signed out elsewhere, idle too long): sign in again, then come back.
    const next = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
  }
  if (!response.ok) {
    const error = (
      body as {
        error?: { code?: string; message?: string; field?: string; checks?: SavedSettingsCheck[] };
      } | null
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      error?.field,
      error?.checks,
    );
  }
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    if (!response.ok) return null;
    throw new ApiError(
      response.status,
      'invalid_response',
      'The server answered with something that is not JSON.',
    );
  }
}

/** `path?key=value…`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The message of any error, for showing it. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

import createClient from 'openapi-fetch';
import { CliError } from '../cli-error';
import type { Credentials } from '../credentials';
import type { paths } from './openapi-types';

/** The REST API, typed by the console's OpenAPI document. */
export type ApiClient = ReturnType<typeof createClient<paths>>;

export function apiClient(credentials: Credentials): ApiClient {
  return createClient<paths>({
    baseUrl: credentials.url,
    headers: { authorization: `Bearer ${credentials.token}` },
  });
}

/**
 * The data of a successful answer; an error answer becomes a CliError with the API's own words
 * (and the field at fault), a connection failure one that names the address.
 */
export async function answer<T>(
  request: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  credentials: Credentials,
): Promise<T> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CliError(`could not reach the console at ${credentials.url}: ${reason}`);
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as { error?: { code?: string; message?: string; field?: string } } | undefined;
  const message = body?.error?.message ?? `the console answered ${result.response.status}`;
  const hint =
    result.response.status === 401
      ? ' (the token is not valid any more: run `shardline login` again)'
      : result.response.status === 403
        ? ' (this needs the admin role)'
        : '';
  throw new CliError(`${message}${hint}`, undefined, body);
}

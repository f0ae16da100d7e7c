import { parseOrThrow } from '@shardline/db';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** The request's JSON body, parsed with `schema`; a clear 400 naming the field otherwise. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body must be JSON (Content-Type: application/json)');
  }
  return parseInput(schema, body);
}

/** Query string parameters (each given once), parsed with `schema`. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  return parseInput(schema, params);
}

/**
 * Parses input with the data layer's own rule: the first problem becomes a ValidationError naming
 * its field, which the API answers as a 400 `invalid_input`.
 */
export const parseInput = parseOrThrow;

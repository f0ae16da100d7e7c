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

/** Parses input; the first problem becomes a 400 `invalid_input` naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'invalid input';
  throw new ApiError(400, 'invalid_input', message, field);
}

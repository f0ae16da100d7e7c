import { parseOrThrow } from '@shardline/db';
import type { z } from 'zod';
import { ApiError } from './api-error';
import { BODY_LIMIT_BYTES, type BodyLimit } from './body-limits';

/**
 * The request's JSON body, parsed with `schema`; a clear 400 naming the field otherwise, and a
 * 413 for a body larger than the route's limit (body-limits.ts).
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  limit: BodyLimit = 'settings',
): Promise<z.output<S>> {
  return parseInput(schema, parseJsonText(await readBodyText(request, BODY_LIMIT_BYTES[limit])));
}

/** A body's text as JSON; a 400 saying so otherwise. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body must be JSON (Content-Type: application/json)');
  }
}

/**
 * The body as text, read chunk by chunk: a declared or actual size past `maxBytes` stops the
 * reading at once (the rest is never received) with a 413.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new ApiError(
      413,
      'payload_too_large',
      `the request body is larger than ${formatLimit(maxBytes)}, the most this route reads`,
    );
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
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

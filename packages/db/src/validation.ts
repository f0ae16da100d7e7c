import { ValidationError } from '@shardline/core';
import type { z } from 'zod';

/**
 * Parses input with a zod schema; the first problem becomes a ValidationError naming its field.
 * Any text holding a NUL character is refused first, whatever the schema: Postgres cannot store
 * one in text, and would answer with an error instead of saying which field.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const withNul = pathToNul(input, []);
  if (withNul) {
    const field = withNul.join('.') || undefined;
    const problem = 'must not contain a NUL character (\\u0000)';
    throw new ValidationError(field ? `${field}: ${problem}` : `the input ${problem}`, field);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'invalid input';
  throw new ValidationError(message, field);
}

/** The path of the first string (value or key) holding U+0000, or null. */
function pathToNul(value: unknown, path: Array<string | number>): Array<string | number> | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = pathToNul(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\u0000')];
    const found = pathToNul(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

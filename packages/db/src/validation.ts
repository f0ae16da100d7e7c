import { ValidationError } from '@shardline/core';
import type { z } from 'zod';

/** Parses input with a zod schema; the first problem becomes a ValidationError naming its field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'invalid input';
  throw new ValidationError(message, field);
}

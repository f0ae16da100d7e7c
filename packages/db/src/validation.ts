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

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

/**
 * The path of the first string (value or key) holding U+0000, or null. Walked with a stack of its
 * own, each node linked to its parent rather than holding its path: input nested thousands deep
 * gets its answer in linear time, without overflowing the stack.
 */
function pathToNul(input: unknown, root: Array<string | number>): Array<string | number> | null {
  const pathOf = (visit: Visit, last?: string): Array<string | number> => {
    const keys: Array<string | number> = last === undefined ? [] : [last];
    for (let at: Visit | null = visit; at?.key != null; at = at.parent) keys.unshift(at.key);
    return [...root, ...keys];
  };
  const stack: Visit[] = [{ value: input, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const { value } = visit;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathOf(visit);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    // Pushed last to first, so the first field holding one is the one named.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index] as [string | number, unknown];
      if (typeof key === 'string' && key.includes('\u0000')) {
        return pathOf(visit, key.replaceAll('\u0000', '\\u0000'));
      }
      stack.push({ value: item, key, parent: visit });
    }
  }
  return null;
}

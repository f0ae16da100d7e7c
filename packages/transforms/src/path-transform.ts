import { invalidMessage } from './failure-text';

/** The top-level fields of a message; a path must start with one of them. */
export const MESSAGE_FIELDS = ['record', 'changes', 'action', 'metadata'] as const;

export type PathSegment = string | number;

export type PathParse = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

export type PathPick = { ok: true; payloadJson: string } | { ok: false; error: string };

const FIRST_FIELD = /^[^.[\]\s]+/;
const NEXT_SEGMENT = /\.([^.[\]\s]+)|\[(\d+)\]/y;

/** Reads `record`, `record.address`, `changes.price.old`, `record.items[0].sku` into segments. */
export function parsePath(path: string): PathParse {
  const first = FIRST_FIELD.exec(path)?.[0];
  if (!first || !(MESSAGE_FIELDS as readonly string[]).includes(first)) {
    return {
      ok: false,
      error: `the path "${path}" must start with one of ${MESSAGE_FIELDS.join(', ')}`,
    };
  }
  const segments: PathSegment[] = [first];
  NEXT_SEGMENT.lastIndex = first.length;
  while (NEXT_SEGMENT.lastIndex < path.length) {
    const start = NEXT_SEGMENT.lastIndex;
    const match = NEXT_SEGMENT.exec(path);
    if (!match) {
      return {
        ok: false,
        error: `the path "${path}" is not valid after "${path.slice(0, start)}": use .field or [index]`,
      };
    }
    segments.push(match[1] ?? Number(match[2]));
  }
  return { ok: true, segments };
}

/** The part of the message at the path, as JSON; a missing part is an error, never `undefined`. */
export function pickPath(messageJson: string, segments: readonly PathSegment[]): PathPick {
  let current: unknown;
  try {
    current = JSON.parse(messageJson);
  } catch (error) {
    return { ok: false, error: invalidMessage(error instanceof Error ? error.message : String(error)) };
  }
  let reached = '';
  for (const segment of segments) {
    const next =
      typeof segment === 'number' ? `${reached}[${segment}]` : reached ? `${reached}.${segment}` : segment;
    if (current === null || typeof current !== 'object') {
      return { ok: false, error: `the message has no ${next}: ${reached} is ${describeValue(current)}` };
    }
    if (typeof segment === 'number' && !Array.isArray(current)) {
      return { ok: false, error: `the message has no ${next}: ${reached} is not a list` };
    }
    if (!Object.hasOwn(current, segment)) return { ok: false, error: `the message has no ${next}` };
    current = (current as Record<PathSegment, unknown>)[segment];
    reached = next;
  }
  return { ok: true, payloadJson: JSON.stringify(current) };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

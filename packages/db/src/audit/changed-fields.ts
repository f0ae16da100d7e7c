/** Stands for a stored secret when comparing: its value is never read, only whether there is one. */
export const STORED_SECRET = Symbol('stored secret');

/**
 * The names of the fields of `next` (those given, in its order) whose value differs from
 * `current`'s: what an audit event of an edit lists. Only names leave this function, so a secret
 * given in `next` is never recorded; pass a stored secret in `current` as STORED_SECRET (or null
 * when there is none), and any new secret counts as a change.
 */
export function changedFields(current: Record<string, unknown>, next: Record<string, unknown>): string[] {
  return Object.entries(next)
    .filter(([field, value]) => value !== undefined && !sameValue(current[field], value))
    .map(([field]) => field);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === STORED_SECRET || b === STORED_SECRET) return false;
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, null and undefined alike, so equal settings compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) => {
    if (typeof item === 'bigint') return item.toString();
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(
      Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

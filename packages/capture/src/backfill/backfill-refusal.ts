import { ValueDecodeError } from '../values/value-decode-error';

/** A reason a backfill cannot go on that trying again will not fix: the backfill fails with it. */
export class BackfillRefusal extends Error {
  override readonly name = 'BackfillRefusal';
}

/**
 * The refusal an error amounts to, or null when it may pass: a lost connection, a timeout, or a
 * column dropped between describing the table and reading it (the next try describes it anew).
 */
export function asRefusal(error: unknown, table: string): BackfillRefusal | null {
  if (error instanceof BackfillRefusal) return error;
  if (error instanceof ValueDecodeError) {
    return new BackfillRefusal(`a row of ${table} cannot be turned into JSON: ${error.message}`);
  }
  const code = (error as { code?: string }).code;
  if (code === '42501') {
    return new BackfillRefusal(
      `the source role may not lock the rows of ${table} (${(error as Error).message}): a backfill reads ` +
        'each page FOR SHARE, which needs the UPDATE privilege on the table, so that no change of those ' +
        'rows can overtake their read. Grant it, then resume the backfill.',
    );
  }
  return null;
}

/** The page gave way to a writer (lock timeout, or chosen in a deadlock): try again at once. */
export function isLockContention(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '55P03' || code === '40P01';
}

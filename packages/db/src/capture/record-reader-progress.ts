import type { Db } from '../database';

/**
 * Where the reader has stored everything up to (and acknowledged to the slot), and that it is
 * alive. `caughtUp`: said while idle, so the position only moves forward.
 */
export async function recordReaderProgress(
  db: Db,
  options: { sourceId: string; confirmedLsn: bigint; caughtUp?: boolean },
): Promise<void> {
  await db.pool.query(
    options.caughtUp
      ? 'UPDATE source SET confirmed_lsn = greatest(confirmed_lsn, $2::int8), reader_seen_at = now() WHERE id = $1'
      : 'UPDATE source SET confirmed_lsn = $2, reader_seen_at = now() WHERE id = $1',
    [options.sourceId, options.confirmedLsn.toString()],
  );
}

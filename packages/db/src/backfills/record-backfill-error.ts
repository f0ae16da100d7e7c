import type { Db } from '../database';

/**
 * Keeps what stopped a running backfill's progress. `fail` ends it (state failed): for causes a
 * retry cannot fix, such as a table without a primary key. Otherwise it stays running and the
 * engine tries again; the error is cleared by the next page stored.
 */
export async function recordBackfillError(
  db: Db,
  options: { backfillId: string; message: string; fail: boolean },
): Promise<void> {
  await db.pool.query(
    `UPDATE backfill
        SET last_error = $2,
            state = CASE WHEN $3 THEN 'failed'::backfill_state ELSE state END,
            finished_at = CASE WHEN $3 THEN now() ELSE finished_at END,
            updated_at = CASE WHEN $3 THEN now() ELSE updated_at END
      WHERE id = $1 AND state = 'running'`,
    [options.backfillId, options.message, options.fail],
  );
}

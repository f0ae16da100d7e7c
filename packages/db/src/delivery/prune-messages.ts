import type { Db } from '../database';

/**
 * Deletes delivered and discarded messages finished before `finishedBefore`, in batches so
 * no statement holds locks for long. Pending and failing messages are never touched.
 */
export async function pruneMessages(
  db: Db,
  options: { finishedBefore: Date; batchSize?: number },
): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  let total = 0;
  for (const [state, column] of [
    ['delivered', 'delivered_at'],
    ['discarded', 'discarded_at'],
  ] as const) {
    for (;;) {
      const result = await db.pool.query(
        `DELETE FROM message WHERE id IN (
           SELECT id FROM message WHERE state = '${state}' AND ${column} < $1 LIMIT $2)`,
        [options.finishedBefore, batchSize],
      );
      const deleted = result.rowCount ?? 0;
      total += deleted;
      if (deleted < batchSize) break;
    }
  }
  return total;
}

import { NOTE_BULK_OUTCOME_CTE } from '../audit/note-bulk-outcome';
import type { Db } from '../database';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';

/**
 * Marks an operation done, and notes the final count on its audit event. False when it was no
 * longer ours (another engine finishes it).
 */
export async function finishBulkOperation(
  db: Db,
  operation: Pick<ClaimedBulkOperation, 'id' | 'runnerToken'>,
): Promise<boolean> {
  const result = await db.pool.query<{ ended: number }>(
    `WITH ended AS (
       UPDATE bulk_operation SET state = 'done', finished_at = clock_timestamp(), runner_token = NULL, error = NULL
        WHERE id = $1 AND runner_token = $2 AND state = 'running'
       RETURNING id, sink_id, done, state
     ), ${NOTE_BULK_OUTCOME_CTE}
     SELECT count(*)::int AS ended FROM ended`,
    [operation.id, operation.runnerToken],
  );
  return (result.rows[0]?.ended ?? 0) > 0;
}

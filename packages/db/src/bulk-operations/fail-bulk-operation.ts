import { NOTE_BULK_OUTCOME_CTE } from '../audit/note-bulk-outcome';
import type { Db } from '../database';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';

/**
 * Marks an operation failed with the error, for the person who started it, and notes the count
 * done on its audit event. Chunks done before stay done and counted; a new operation with the
 * same filter takes on what is left.
 */
export async function failBulkOperation(
  db: Db,
  operation: Pick<ClaimedBulkOperation, 'id' | 'runnerToken'>,
  error: string,
): Promise<boolean> {
  const result = await db.pool.query<{ ended: number }>(
    `WITH ended AS (
       UPDATE bulk_operation SET state = 'failed', finished_at = clock_timestamp(), runner_token = NULL, error = $3
        WHERE id = $1 AND runner_token = $2 AND state = 'running'
       RETURNING id, sink_id, done, state
     ), ${NOTE_BULK_OUTCOME_CTE}
     SELECT count(*)::int AS ended FROM ended`,
    [operation.id, operation.runnerToken, error],
  );
  return (result.rows[0]?.ended ?? 0) > 0;
}

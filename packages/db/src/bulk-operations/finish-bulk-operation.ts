import type { Queryable } from '../database';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';

/** Marks an operation done. False when it was no longer ours (another engine finishes it). */
export async function finishBulkOperation(
  db: Queryable,
  operation: Pick<ClaimedBulkOperation, 'id' | 'runnerToken'>,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE bulk_operation SET state = 'done', finished_at = clock_timestamp(), runner_token = NULL, error = NULL
      WHERE id = $1 AND runner_token = $2 AND state = 'running'`,
    [operation.id, operation.runnerToken],
  );
  return (result.rowCount ?? 0) > 0;
}

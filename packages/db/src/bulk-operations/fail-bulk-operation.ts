import type { Queryable } from '../database';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';

/**
 * Marks an operation failed with the error, for the person who started it. Chunks done before
 * stay done and counted; a new operation with the same filter takes on what is left.
 */
export async function failBulkOperation(
  db: Queryable,
  operation: Pick<ClaimedBulkOperation, 'id' | 'runnerToken'>,
  error: string,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE bulk_operation SET state = 'failed', finished_at = clock_timestamp(), runner_token = NULL, error = $3
      WHERE id = $1 AND runner_token = $2 AND state = 'running'`,
    [operation.id, operation.runnerToken, error],
  );
  return (result.rowCount ?? 0) > 0;
}

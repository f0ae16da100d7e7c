import type { Db } from '../database';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';

/**
 * Hands an unfinished operation back (an engine shutting down): queued again, another engine
 * claims it at once and carries on from its recorded progress instead of waiting for the
 * heartbeat to go stale.
 */
export async function releaseBulkOperation(
  db: Db,
  operation: Pick<ClaimedBulkOperation, 'id' | 'runnerToken'>,
): Promise<void> {
  await db.pool.query(
    `UPDATE bulk_operation SET state = 'queued', runner_token = NULL
      WHERE id = $1 AND runner_token = $2 AND state = 'running'`,
    [operation.id, operation.runnerToken],
  );
}

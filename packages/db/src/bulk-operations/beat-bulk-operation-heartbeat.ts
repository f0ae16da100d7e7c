import type { Db } from '../database';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';

/**
 * Says the engine running an operation is alive, between chunks too (a chunk that scans many
 * rows to find few matches can take a while). False when the operation is no longer ours.
 */
export async function beatBulkOperationHeartbeat(
  db: Db,
  operation: Pick<ClaimedBulkOperation, 'id' | 'runnerToken'>,
): Promise<boolean> {
  const result = await db.pool.query(
    `UPDATE bulk_operation SET heartbeat_at = clock_timestamp()
      WHERE id = $1 AND runner_token = $2 AND state = 'running'`,
    [operation.id, operation.runnerToken],
  );
  return (result.rowCount ?? 0) > 0;
}

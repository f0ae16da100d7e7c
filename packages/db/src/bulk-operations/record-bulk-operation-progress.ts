import type { Db } from '../database';
import { BulkOperationLostError, type ClaimedBulkOperation } from './claimed-bulk-operation';

/**
 * Adds a chunk's work to an operation's progress and beats its heartbeat; meant to run in the
 * chunk's own transaction, so the progress can never disagree with the messages. Throws
 * BulkOperationLostError (rolling the chunk back) when the operation is no longer ours.
 */
export async function recordBulkOperationProgress(
  db: Db,
  operation: Pick<ClaimedBulkOperation, 'id' | 'runnerToken'>,
  chunk: { changed: number; lastId: string },
): Promise<void> {
  const result = await db.pool.query(
    `UPDATE bulk_operation SET done = done + $3, last_message_id = $4, heartbeat_at = clock_timestamp()
      WHERE id = $1 AND runner_token = $2 AND state = 'running'`,
    [operation.id, operation.runnerToken, chunk.changed, chunk.lastId],
  );
  if (result.rowCount === 0) throw new BulkOperationLostError(operation.id);
}

import type { MessageState } from '@shardline/core';
import type { Db } from '../database';
import type { MessageFilter } from '../messages/message-filter';
import type { BulkOperationAction } from './bulk-operation-input';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';

/** How long a running operation may go without a heartbeat before another engine takes it over. */
export const BULK_OPERATION_STALE_AFTER_MS = 30_000;

/**
 * Claims the oldest operation waiting to run: a queued one, or a running one whose engine
 * stopped beating (it died), which carries on from its recorded progress. SKIP LOCKED lets
 * engines claim at the same time without waiting for each other. One operation per sink runs
 * at a time, so two never fight over the same messages' row locks. Null when there is none.
 */
export async function claimNextBulkOperation(
  db: Db,
  options: { staleAfterMs?: number } = {},
): Promise<ClaimedBulkOperation | null> {
  const staleAfterMs = options.staleAfterMs ?? BULK_OPERATION_STALE_AFTER_MS;
  const result = await db.pool.query<{
    id: string;
    sink_id: string;
    action: BulkOperationAction;
    message_state: MessageState | null;
    filter: MessageFilter;
    reason: string | null;
    created_by: string;
    total: number;
    done: number;
    last_message_id: string;
    runner_token: string;
  }>(
    `WITH next AS (
       SELECT o.id FROM bulk_operation o
        WHERE (o.state = 'queued' OR (o.state = 'running' AND o.heartbeat_at < clock_timestamp() - $1 * interval '1 millisecond'))
          AND NOT EXISTS (
            SELECT 1 FROM bulk_operation r
             WHERE r.sink_id = o.sink_id AND r.id <> o.id AND r.state = 'running'
               AND r.heartbeat_at >= clock_timestamp() - $1 * interval '1 millisecond')
        ORDER BY o.created_at, o.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
     )
     UPDATE bulk_operation o
        SET state = 'running', runner_token = gen_random_uuid(), heartbeat_at = clock_timestamp(),
            started_at = coalesce(o.started_at, clock_timestamp())
       FROM next WHERE o.id = next.id
     RETURNING o.id, o.sink_id, o.action, o.message_state, o.filter, o.reason, o.created_by, o.total,
               o.done, o.last_message_id, o.runner_token`,
    [staleAfterMs],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    sinkId: row.sink_id,
    action: row.action,
    messageState: row.message_state,
    filter: row.filter,
    reason: row.reason,
    createdBy: row.created_by,
    total: row.total,
    done: row.done,
    lastMessageId: row.last_message_id,
    runnerToken: row.runner_token,
  };
}

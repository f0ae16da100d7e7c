import { NotFoundError } from '@shardline/core';
import type { Database } from '../database';
import { filterConditions } from '../messages/message-filter';
import { isUuid } from '../sinks/sink-id';
import { parseOrThrow } from '../validation';
import {
  type BulkOperationInput,
  bulkOperationInputSchema,
  bulkOperationStates,
} from './bulk-operation-input';
import { type BulkOperationRecord, toBulkOperationRecord } from './bulk-operation-record';

/**
 * Queues a retry or discard of every waiting message of a sink that a filter matches; an engine
 * runs it in the background (see claimNextBulkOperation). `total` is how many match now.
 */
export async function createBulkOperation(
  db: Database,
  options: { sinkId: string; input: BulkOperationInput },
): Promise<BulkOperationRecord> {
  const input = parseOrThrow(bulkOperationInputSchema, options.input);
  const { sinkId } = options;
  const sink = isUuid(sinkId)
    ? await db.prisma.sink.findUnique({ where: { id: sinkId }, select: { id: true } })
    : null;
  if (!sink) throw new NotFoundError(`sink ${sinkId} does not exist`);

  const messageState = input.state ?? null;
  const params: unknown[] = [sinkId, bulkOperationStates(input.action, messageState)];
  const conditions = [
    'sink_id = $1',
    'state = ANY($2::message_state[])',
    ...filterConditions(input.filter, params),
  ];
  const matched = await db.pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM message WHERE ${conditions.join(' AND ')}`,
    params,
  );
  const row = await db.prisma.bulkOperation.create({
    data: {
      sinkId,
      action: input.action,
      messageState,
      filter: input.filter,
      reason: input.action === 'discard' ? (input.reason ?? null) : null,
      total: Number(matched.rows[0]?.count ?? 0),
    },
  });
  return toBulkOperationRecord(row);
}

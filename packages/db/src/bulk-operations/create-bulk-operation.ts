import { NotFoundError } from '@shardline/core';
import { type AuditAction, actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { filterConditions } from '../messages/message-filter';
import { boundedBySearch } from '../messages/message-search';
import { isUuid } from '../sinks/sink-id';
import { parseOrThrow } from '../validation';
import {
  type BulkOperationInput,
  bulkOperationInputSchema,
  bulkOperationStates,
  bulkStateFilterOf,
} from './bulk-operation-input';
import { type BulkOperationRecord, toBulkOperationRecord } from './bulk-operation-record';

const BULK_AUDIT_ACTIONS = {
  retry: 'bulk.retry',
  discard: 'bulk.discard',
  resend: 'bulk.resend',
} as const satisfies Record<BulkOperationInput['action'], AuditAction>;

/**
 * Queues a retry or discard of every waiting message of a sink that a filter matches (or a
 * re-send of every delivered one); an engine
 * runs it in the background (see claimNextBulkOperation). `total` is how many match now. `by` is
 * who asked: recorded in the audit trail (with the filter and that count) in the transaction
 * that queues it, and as who discarded the messages.
 */
export async function createBulkOperation(
  db: Db,
  options: { sinkId: string; input: BulkOperationInput; by?: string },
): Promise<BulkOperationRecord> {
  const input = parseOrThrow(bulkOperationInputSchema, options.input);
  const { sinkId } = options;
  const sink = isUuid(sinkId)
    ? await db.prisma.sink.findUnique({ where: { id: sinkId }, select: { id: true, name: true } })
    : null;
  if (!sink) throw new NotFoundError(`sink ${sinkId} does not exist`);

  const messageState = input.state ?? null;
  const params: unknown[] = [sinkId, bulkOperationStates(input.action, messageState)];
  const conditions = [
    'sink_id = $1',
    'state = ANY($2::message_state[])',
    ...filterConditions(input.filter, params),
  ];
  const matched = await boundedBySearch(db, input.filter, (reader) =>
    reader.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM message WHERE ${conditions.join(' AND ')}`,
      params,
    ),
  );
  const actor = actorOf(options.by);
  const reason = input.action === 'discard' ? (input.reason ?? null) : null;
  const row = await inTransaction(db, async (tx) => {
    const created = await tx.prisma.bulkOperation.create({
      data: {
        sinkId,
        action: input.action,
        messageState,
        filter: input.filter,
        reason,
        total: Number(matched.rows[0]?.count ?? 0),
        createdBy: actor,
      },
    });
    // The engine adds `done` and `outcome` when the operation ends (finishBulkOperation).
    await recordAuditEvent(tx, {
      actor,
      action: BULK_AUDIT_ACTIONS[input.action],
      targetType: 'sink',
      targetId: sink.id,
      targetName: sink.name,
      details: {
        operationId: created.id,
        filter: input.filter,
        messageState: bulkStateFilterOf(messageState),
        ...(reason ? { reason } : {}),
        matched: created.total,
      },
    });
    return created;
  });
  return toBulkOperationRecord(row);
}

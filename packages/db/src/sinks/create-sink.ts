import type { SecretBox } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { startCreateTimeBackfill } from '../backfills/create-time-backfill';
import { type SourcePositions, setSourcePositions } from '../capture/source-config';
import { type Db, inTransaction } from '../database';
import { assertTransformExists } from '../transforms/assert-transform-exists';
import { parseOrThrow } from '../validation';
import { assertSourceExists } from './assert-source-exists';
import { type PublicSink, publicSinkInclude, toPublicSink } from './public-sink';
import { type CreateSinkInput, createSinkInputSchema } from './sink-input';
import { isUniqueViolation, sinkNameTaken } from './sink-name-taken';

/**
 * Creates a sink; `by` is recorded in the audit trail as who created it. Tables with
 * `sendExistingRows` get a backfill started in the same transaction. `sourcePositions`: from
 * where in its source's WAL the sink takes changes (see setSourcePositions); without it, from
 * when the reader sees it.
 */
export async function createSink(
  db: Db,
  options: { secretBox: SecretBox; input: CreateSinkInput; by?: string; sourcePositions?: SourcePositions },
): Promise<PublicSink> {
  const input = parseOrThrow(createSinkInputSchema, options.input);
  const existing = await db.prisma.sink.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) throw sinkNameTaken(input.name);
  await assertSourceExists(db, input.sourceId);

  const sink = await inTransaction(db, async (tx) => {
    await setSourcePositions(tx, options.sourcePositions);
    await assertTransformExists(tx, input.transformId);
    const created = await tx.prisma.sink.create({
      data: {
        name: input.name,
        streamArn: input.streamArn.trim(),
        accessKeyId: input.accessKeyId ?? null,
        secretAccessKeyCiphertext: input.secretAccessKey
          ? options.secretBox.encrypt(input.secretAccessKey)
          : null,
        endpoint: input.endpoint ?? null,
        backoffCapMs: input.backoffCapMs,
        maxAttempts: input.maxAttempts ?? null,
        maxRecordSizeBytes: input.maxRecordSizeBytes,
        laneCount: input.laneCount,
        aggregateRecords: input.aggregateRecords,
        sourceId: input.sourceId ?? null,
        annotations: input.annotations,
        transformId: input.transformId ?? null,
        filterSource: input.filterSource ?? null,
        routingSource: input.routingSource ?? null,
      },
      include: publicSinkInclude,
    });
    if (input.tables.length > 0) {
      await tx.prisma.sinkTable.createMany({
        data: input.tables.map((table) => ({
          sinkId: created.id,
          tableSchema: table.schema,
          tableName: table.name,
          actions: table.actions,
          groupColumns: table.groupColumns,
        })),
      });
    }
    await startCreateTimeBackfill(tx, { ...created, tables: input.tables }, options.by);
    await tx.prisma.deliveryLane.createMany({
      data: Array.from({ length: input.laneCount }, (_, lane) => ({ sinkId: created.id, lane })),
    });
    await recordAuditEvent(tx, {
      actor: actorOf(options.by),
      action: 'sink.create',
      targetType: 'sink',
      targetId: created.id,
      targetName: created.name,
    });
    return created;
  }).catch((error: unknown) => {
    // Someone took the name between the check and the insert.
    if (isUniqueViolation(error)) throw sinkNameTaken(input.name);
    throw error;
  });
  return toPublicSink(sink);
}

import { NotFoundError, type SecretBox, ValidationError } from '@shardline/core';
import { z } from 'zod';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type SourcePositions, setSourcePositions } from '../capture/source-config';
import { type Db, inTransaction } from '../database';
import type { Sink } from '../generated/prisma/client';
import { assertSinkSecretTarget } from '../secrets/secret-target';
import { assertTransformExists } from '../transforms/assert-transform-exists';
import { parseOrThrow } from '../validation';
import { assertSourceExists } from './assert-source-exists';
import { type PublicSink, publicSinkInclude, toPublicSink } from './public-sink';
import { sinkChangedFields } from './sink-changed-fields';
import { isUuid } from './sink-id';
import { checkSinkTables, sinkSettingsSchema } from './sink-input';
import { isUniqueViolation, sinkNameTaken } from './sink-name-taken';

/**
 * Any subset of a sink's settings, with the rules of creation. A setting left out keeps its
 * value; `null` clears an optional one. For the secret access key: left out keeps it, `null`
 * removes it, a string replaces it.
 */
export const updateSinkInputSchema = z.strictObject(sinkSettingsSchema.partial().shape, {
  // Strict, so a mistyped name (secretAccesKey) is refused instead of silently changing nothing.
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `${issue.keys.map((key) => `"${key}"`).join(', ')} cannot be edited: the settings of a sink are ${Object.keys(sinkSettingsSchema.shape).join(', ')}`
      : undefined,
});
export type UpdateSinkInput = z.input<typeof updateSinkInputSchema>;
/** An edit once parsed: defaults filled in, the filter's blank text turned into null. */
export type UpdateSinkChanges = z.output<typeof updateSinkInputSchema>;

/**
 * Edits a sink; `tables`, when given, replaces the whole list. `by` is recorded in the audit
 * trail with the names of the settings that changed. `sourcePositions`: from where in its
 * source's WAL the edit applies (see setSourcePositions); without it, from when the reader sees it.
 */
export async function updateSink(
  db: Db,
  options: {
    secretBox: SecretBox;
    sinkId: string;
    input: UpdateSinkInput;
    by?: string;
    sourcePositions?: SourcePositions;
  },
): Promise<PublicSink> {
  const changes = parseOrThrow(updateSinkInputSchema, options.input);
  const current = isUuid(options.sinkId)
    ? await db.prisma.sink.findUnique({ where: { id: options.sinkId }, include: { tables: true } })
    : null;
  if (!current) throw new NotFoundError(`sink ${options.sinkId} does not exist`);

  if (changes.laneCount !== undefined && changes.laneCount !== current.laneCount) {
    // Stored messages carry the lane their group hashed to; with another count the same group
    // would hash elsewhere and could be sent in two requests at once, out of order.
    throw new ValidationError(
      `laneCount: the lane count cannot change after a sink is created (this one has ${current.laneCount}): ` +
        `messages are already assigned to lanes; create a new sink to use ${changes.laneCount} lanes`,
      'laneCount',
    );
  }
  checkCredentials(changes, current);
  if (changes.secretAccessKey === undefined && current.secretAccessKeyCiphertext !== null) {
    assertSinkSecretTarget(current, { streamArn: changes.streamArn, endpoint: changes.endpoint });
  }
  const tablesIssue = checkSinkTables({
    sourceId: changes.sourceId === undefined ? current.sourceId : changes.sourceId,
    tables:
      changes.tables ?? current.tables.map((table) => ({ schema: table.tableSchema, name: table.tableName })),
  });
  if (tablesIssue) {
    const field = tablesIssue.path.join('.');
    throw new ValidationError(`${field}: ${tablesIssue.message}`, field);
  }
  if (changes.name !== undefined && changes.name !== current.name) {
    const taken = await db.prisma.sink.findUnique({ where: { name: changes.name }, select: { id: true } });
    if (taken) throw sinkNameTaken(changes.name);
  }
  if (changes.sourceId) await assertSourceExists(db, changes.sourceId);

  const secretAccessKeyCiphertext =
    changes.secretAccessKey === undefined
      ? undefined
      : changes.secretAccessKey === null
        ? null
        : options.secretBox.encrypt(changes.secretAccessKey);
  const { tables } = changes;
  const updated = await inTransaction(db, async (tx) => {
    await setSourcePositions(tx, options.sourcePositions);
    await assertTransformExists(tx, changes.transformId);
    const sink = await tx.prisma.sink.update({
      where: { id: current.id },
      data: {
        // Prisma leaves a field alone when it is undefined: settings not given stay as they are.
        name: changes.name,
        streamArn: changes.streamArn?.trim(),
        accessKeyId: changes.accessKeyId,
        secretAccessKeyCiphertext,
        endpoint: changes.endpoint,
        backoffCapMs: changes.backoffCapMs,
        maxAttempts: changes.maxAttempts,
        maxRecordSizeBytes: changes.maxRecordSizeBytes,
        aggregateRecords: changes.aggregateRecords,
        sourceId: changes.sourceId,
        annotations: changes.annotations,
        // null detaches the transform, or removes the filter.
        transformId: changes.transformId,
        filterSource: changes.filterSource,
        routingSource: changes.routingSource,
        // Always moved on, even when only the tables change: the engine rebuilds on a new version.
        updatedAt: new Date(),
      },
      include: publicSinkInclude,
    });
    if (tables) {
      await tx.prisma.sinkTable.deleteMany({ where: { sinkId: current.id } });
      if (tables.length > 0) {
        await tx.prisma.sinkTable.createMany({
          data: tables.map((table) => ({
            sinkId: current.id,
            tableSchema: table.schema,
            tableName: table.name,
            actions: table.actions,
            groupColumns: table.groupColumns,
          })),
        });
      }
    }
    await recordAuditEvent(tx, {
      actor: actorOf(options.by),
      action: 'sink.update',
      targetType: 'sink',
      targetId: sink.id,
      targetName: sink.name,
      details: { fields: sinkChangedFields(current, changes) },
    });
    return sink;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error) && changes.name !== undefined) throw sinkNameTaken(changes.name);
    throw error;
  });
  return toPublicSink(updated);
}

/** The stored credentials after the edit must still be both halves or neither. */
function checkCredentials(changes: UpdateSinkChanges, current: Sink): void {
  const accessKeyId = changes.accessKeyId === undefined ? current.accessKeyId : changes.accessKeyId;
  const hasSecret =
    changes.secretAccessKey === undefined
      ? current.secretAccessKeyCiphertext !== null
      : Boolean(changes.secretAccessKey);
  if (Boolean(accessKeyId) === hasSecret) return;
  if (accessKeyId && changes.secretAccessKey === null) {
    throw new ValidationError(
      'accessKeyId: removing the secret access key needs accessKeyId: null too, so the sink uses the default AWS credentials (or give a new secret access key instead)',
      'accessKeyId',
    );
  }
  if (accessKeyId) {
    throw new ValidationError(
      `secretAccessKey: give the secret access key that goes with access key id ${accessKeyId}`,
      'secretAccessKey',
    );
  }
  throw new ValidationError(
    'secretAccessKey: removing the access key id needs secretAccessKey: null too, so the sink uses the default AWS credentials',
    'secretAccessKey',
  );
}

import { type SecretBox, ValidationError } from '@shardline/core';
import type { Database } from '../database';
import { parseOrThrow } from '../validation';
import { type PublicSink, toPublicSink } from './public-sink';
import { type CreateSinkInput, createSinkInputSchema } from './sink-input';

export async function createSink(
  db: Database,
  options: { secretBox: SecretBox; input: CreateSinkInput },
): Promise<PublicSink> {
  const input = parseOrThrow(createSinkInputSchema, options.input);
  const existing = await db.prisma.sink.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) throw new ValidationError(`a sink named "${input.name}" already exists`, 'name');

  const sink = await db.prisma.$transaction(async (tx) => {
    const created = await tx.sink.create({
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
        sourceId: input.sourceId ?? null,
        annotations: input.annotations,
      },
    });
    if (input.tables.length > 0) {
      await tx.sinkTable.createMany({
        data: input.tables.map((table) => ({
          sinkId: created.id,
          tableSchema: table.schema,
          tableName: table.name,
          actions: table.actions,
          groupColumns: table.groupColumns,
        })),
      });
    }
    await tx.deliveryLane.createMany({
      data: Array.from({ length: input.laneCount }, (_, lane) => ({ sinkId: created.id, lane })),
    });
    return created;
  });
  return toPublicSink(sink);
}

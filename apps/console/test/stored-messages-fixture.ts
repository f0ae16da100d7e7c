import { SecretBox } from '@shardline/core';
import { appendMessages, createSink, type Database, type IncomingMessage } from '@shardline/db';
import { TEST_SECRET_KEY } from './api-harness';

/**
 * A sink stored directly (no checks, no credentials), named `<prefix>-<random>`, for tests of
 * the messages it holds. `input` adds to or replaces its settings.
 */
export async function storedSinkId(
  db: Database,
  prefix: string,
  input: Record<string, unknown> = {},
): Promise<string> {
  const sink = await createSink(db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    input: {
      name: `${prefix}-${Math.random().toString(36).slice(2, 8)}`,
      streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/${prefix}`,
      ...input,
    },
  });
  return sink.id;
}

/** A change of the orders table as capture stores it; `extra` replaces any field. */
export function orderMessage(
  lsn: number,
  group: string,
  extra: Partial<IncomingMessage> = {},
): IncomingMessage {
  return {
    commitLsn: BigInt(lsn),
    commitIdx: 0,
    group,
    tableSchema: 'public',
    tableName: 'orders',
    action: 'insert',
    payload: { id: group, lsn },
    ...extra,
  };
}

/**
 * Stores one message per entry, delivered that long ago (a Postgres interval), to that stream
 * (null or left out: the sink's own stream, without routing), as the engine records a delivery.
 */
export async function storeDeliveredMessages(
  db: Database,
  sinkId: string,
  deliveries: Array<{ ago: string; streamArn?: string | null }>,
): Promise<void> {
  await appendMessages(db, {
    sinkId,
    messages: deliveries.map((_, index) =>
      orderMessage(1000 + index, `order-${index}`, { payload: { id: index } }),
    ),
  });
  const { rows } = await db.pool.query<{ id: string }>(
    'SELECT id FROM message WHERE sink_id = $1 ORDER BY commit_lsn',
    [sinkId],
  );
  for (const [index, row] of rows.entries()) {
    const delivery = deliveries[index];
    await db.pool.query(
      `UPDATE message SET state = 'delivered', delivered_at = now() - $2::interval, deliver_count = 1,
              shard_id = 'shardId-000000000000', sequence_number = '1', stream_arn = $3 WHERE id = $1`,
      [row.id, delivery?.ago, delivery?.streamArn ?? null],
    );
  }
}

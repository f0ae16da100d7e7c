import { appendMessages, type Database } from '@shardline/db';

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
    messages: deliveries.map((_, index) => ({
      commitLsn: BigInt(1000 + index),
      commitIdx: 0,
      group: `order-${index}`,
      tableSchema: 'public',
      tableName: 'orders',
      action: 'insert' as const,
      payload: { id: index },
    })),
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

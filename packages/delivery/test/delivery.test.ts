import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
  expectCommitOrderPerGroup,
  makeMessages,
  setupDeliveryTest,
} from './harness';

let ctx: DeliveryTestContext;
afterEach(() => ctx?.cleanup());

describe('delivery', () => {
  it('delivers 1,000 messages in 50 groups, each group in commit order, data as stored, keyed by group', async () => {
    ctx = await setupDeliveryTest();
    const messages = makeMessages(1_000, 50);
    // Stored in several batches, as change capture would, while the engine already runs.
    await ctx.startEngine();
    for (let i = 0; i < messages.length; i += 250) await ctx.append(messages.slice(i, i + 250));

    await ctx.waitUntilAllDelivered();
    const records = await ctx.readStream(1_000);
    expect(records).toHaveLength(1_000);
    expectCommitOrderPerGroup(records);

    const stored = await ctx.db.pool.query<{
      group_key: string;
      payload: string;
      shard_id: string;
      sequence_number: string;
    }>(
      'SELECT group_key, payload::text AS payload, shard_id, sequence_number FROM message WHERE sink_id = $1',
      [ctx.sink.id],
    );
    const bySequence = new Map(records.map((record) => [record.sequenceNumber, record]));
    for (const row of stored.rows) {
      const record = bySequence.get(row.sequence_number);
      expect(record, `message of group ${row.group_key} is in the stream where its row says`).toBeDefined();
      expect(record?.data).toBe(row.payload);
      expect(record?.partitionKey).toBe(row.group_key);
      expect(record?.shardId).toBe(row.shard_id);
    }
    const perGroup = new Map<string, number>();
    for (const record of records)
      perGroup.set(record.partitionKey, (perGroup.get(record.partitionKey) ?? 0) + 1);
    expect(perGroup.size).toBe(50);
    expect([...perGroup.values()].every((n) => n === 20)).toBe(true);
  });

  it('counts one attempt per delivered message and keeps no failure history when nothing failed', async () => {
    ctx = await setupDeliveryTest();
    await ctx.startEngine();
    await ctx.append(makeMessages(40, 8));
    await ctx.waitUntilAllDelivered();
    expect((await ctx.state()).map((m) => m.deliverCount)).toEqual(Array(40).fill(1));
    const attempts = await ctx.db.pool.query('SELECT 1 FROM delivery_attempt WHERE sink_id = $1', [
      ctx.sink.id,
    ]);
    expect(attempts.rowCount).toBe(0);
  });

  it('delivers work stored while no engine ran as soon as one starts', async () => {
    ctx = await setupDeliveryTest();
    await ctx.append(makeMessages(100, 10));
    await ctx.startEngine({ sweepIntervalMs: 60_000 });
    await ctx.waitUntilAllDelivered(30_000);
    expectCommitOrderPerGroup(await ctx.readStream(100));
  });
});

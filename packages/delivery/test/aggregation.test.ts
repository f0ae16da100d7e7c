import { RECORD_TOO_LARGE } from '@shardline/core';
import {
  deaggregateWithReference,
  hashKeyOf,
  type LandedRecord,
  type ShardedKinesis,
  type StreamRecord,
  startShardedKinesis,
} from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
  expectCommitOrderPerGroup,
  expectOrderWithRepeatsOfInFlight,
  makeMessages,
  setupDeliveryTest,
  waitFor,
} from './harness';

let ctx: DeliveryTestContext | undefined;
let kinesis: ShardedKinesis | undefined;
afterEach(async () => {
  await ctx?.cleanup();
  await kinesis?.stop();
  ctx = undefined;
  kinesis = undefined;
});

/** A stream record as a consumer using awslabs' module sees it: the messages inside, in order. */
interface ReadBack {
  landed: LandedRecord;
  messages: StreamRecord[];
}

/** Every record the stream took, deaggregated with the reference implementation. */
function readBack(stream: ShardedKinesis): ReadBack[] {
  return stream.records().map((landed) => ({
    landed,
    messages: deaggregateWithReference(landed.bytes, landed.partitionKey).map((message) => ({
      shardId: landed.shardId,
      sequenceNumber: landed.sequenceNumber,
      partitionKey: message.partitionKey,
      data: message.data.toString('utf8'),
      bytes: message.data,
      arrivedAt: Number.NaN,
    })),
  }));
}

describe('record aggregation', () => {
  it('packs many groups into one aggregated record per shard and request, each group in commit order; an oversize message fails alone', async () => {
    // A 16 KiB record limit: each shard's messages need several aggregated records, over several requests.
    kinesis = await startShardedKinesis({ shards: 4, maxRecordSizeKiB: 16 });
    ctx = await setupDeliveryTest({ endpoint: kinesis.endpoint, sink: { aggregateRecords: true } });
    const total = 2_400;
    await ctx.append(makeMessages(total, 300));
    const oversize = makeMessages(1, 1, { firstLsn: 900 }).map((message) => ({
      ...message,
      group: 'huge-1',
      payload: { record: { id: 'huge-1', blob: 'x'.repeat(20_000) } },
    }));
    await ctx.append(oversize);
    await ctx.startEngine();

    await waitFor(
      'every other message delivered',
      async () => {
        const states = (await ctx?.state()) ?? [];
        return states.filter((m) => m.group !== 'huge-1').every((m) => m.state === 'delivered');
      },
      60_000,
    );

    const records = readBack(kinesis);
    const messages = records.flatMap((record) => record.messages);
    // Every message once, and nothing else: the oversize one never went.
    expect(messages).toHaveLength(total);
    expect(new Set(messages.map((message) => message.data)).size).toBe(total);
    expect(messages.some((message) => message.partitionKey === 'huge-1')).toBe(false);
    expectCommitOrderPerGroup(messages);

    // Aggregated indeed: far fewer records than messages, each within the stream's record limit.
    expect(records.length).toBeLessThan(total / 10);
    for (const { landed } of records)
      expect(landed.bytes.length + Buffer.byteLength(landed.partitionKey)).toBeLessThanOrEqual(16 * 1024);

    // Each request: at most one record per shard, and at most one message per group.
    const byRequest = new Map<number, ReadBack[]>();
    for (const record of records)
      byRequest.set(record.landed.request, [...(byRequest.get(record.landed.request) ?? []), record]);
    expect(byRequest.size).toBeGreaterThan(1);
    for (const request of byRequest.values()) {
      const shards = request.map((record) => record.landed.shardId);
      expect(new Set(shards).size).toBe(shards.length);
      const groups = request.flatMap((record) => record.messages.map((message) => message.partitionKey));
      expect(new Set(groups).size).toBe(groups.length);
    }

    // Every message of a record landed where the record did, with its shard and sequence number.
    const where = await ctx.db.pool.query<{ group_key: string; shard_id: string; sequence_number: string }>(
      "SELECT group_key, shard_id, sequence_number FROM message WHERE sink_id = $1 AND state = 'delivered'",
      [ctx.sink.id],
    );
    const landedAt = new Set(records.map(({ landed }) => `${landed.shardId}/${landed.sequenceNumber}`));
    for (const row of where.rows) expect(landedAt.has(`${row.shard_id}/${row.sequence_number}`)).toBe(true);

    // The oversize message failed on its own, with its own size error.
    const huge = await ctx.db.pool.query<{
      state: string;
      last_error_code: string;
      last_error_message: string;
    }>(
      "SELECT state, last_error_code, last_error_message FROM message WHERE sink_id = $1 AND group_key = 'huge-1'",
      [ctx.sink.id],
    );
    expect(huge.rows).toEqual([
      expect.objectContaining({ state: 'failing', last_error_code: RECORD_TOO_LARGE }),
    ]);
    expect(huge.rows[0]?.last_error_message).toMatch(/over the stream's limit of 16\.0 KiB/);
  });

  it('follows a shard split: an aggregate that lands on a new shard has its other messages sent again', async () => {
    kinesis = await startShardedKinesis({ shards: 2, recordsPerSecondPerShard: 20, maxRecordSizeKiB: 8 });
    ctx = await setupDeliveryTest({ endpoint: kinesis.endpoint, sink: { aggregateRecords: true } });
    const total = 3_000;
    await ctx.append(makeMessages(total, 400));
    await ctx.startEngine();

    await waitFor('some delivered', async () => (kinesis?.records().length ?? 0) >= 20, 60_000);
    const parent = kinesis.shards()[0]?.shardId ?? '';
    const splitAt = kinesis.records().length;
    kinesis.splitShard(parent);

    await ctx.waitUntilAllDelivered(120_000);
    const records = readBack(kinesis);
    const messages = records.flatMap((record) => record.messages);
    // At least once: a message of an aggregate that moved may be there twice, right where it was.
    expect(new Set(messages.map((message) => message.data)).size).toBe(total);
    expectOrderWithRepeatsOfInFlight(messages);
    const after = records.slice(splitAt);
    expect(after.some((record) => record.landed.shardId === parent)).toBe(false);
    // Once the map is read again, each aggregate holds only messages of the shard it landed on.
    const shards = kinesis.shards();
    const last = after.slice(-10);
    for (const record of last) {
      const shard = shards.find((candidate) => candidate.shardId === record.landed.shardId);
      for (const message of record.messages) {
        const key = hashKeyOf(message.partitionKey);
        expect(shard && shard.startingHashKey <= key && key <= shard.endingHashKey).toBe(true);
      }
    }
  });
});

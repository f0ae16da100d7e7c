import type { IncomingMessage } from '@shardline/db';
import { hashKeyOf, type ShardedKinesis, type StreamRecord, startShardedKinesis } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
  expectCommitOrderPerGroup,
  makeMessages,
  setupDeliveryTest,
  waitFor,
} from './harness';

const THROTTLED = 'ProvisionedThroughputExceededException';

let ctx: DeliveryTestContext | undefined;
let kinesis: ShardedKinesis | undefined;
afterEach(async () => {
  await ctx?.cleanup();
  await kinesis?.stop();
  ctx = undefined;
  kinesis = undefined;
});

/** A sink whose endpoint is a stream of `shards` shards at `recordsPerSecond` each. */
async function setupThrottledStream(shards: number, recordsPerSecond: number) {
  kinesis = await startShardedKinesis({ shards, recordsPerSecondPerShard: recordsPerSecond });
  // A long backoff cap: a throttled message put on the failure schedule would show at once.
  ctx = await setupDeliveryTest({ endpoint: kinesis.endpoint, sink: { backoffCapMs: 120_000 } });
  return { ctx, kinesis };
}

/** What the stream took, in the order it took it, shaped as records read back from a stream. */
function landed(stream: ShardedKinesis): StreamRecord[] {
  return stream
    .records()
    .map((record) => ({ ...record, bytes: Buffer.from(record.data, 'utf8'), arrivedAt: Number.NaN }));
}

/** `count` changes in commit order from `firstLsn`, going round `groups` in turn. */
function messagesOver(groups: string[], count: number, firstLsn: number): IncomingMessage[] {
  return makeMessages(count, groups.length, { firstLsn }).map((message, i) => ({
    ...message,
    group: groups[i % groups.length] as string,
  }));
}

/** `perShard` group names for each shard of `stream`, by the MD5 of the name as Kinesis maps it. */
function groupsByShard(stream: ShardedKinesis, perShard: number): string[][] {
  const shards = stream.shards().filter((shard) => shard.open);
  const groups = shards.map((): string[] => []);
  for (let n = 0; groups.some((list) => list.length < perShard); n++) {
    const name = `customer-${n}`;
    const hash = hashKeyOf(name);
    const list = groups[shards.findIndex((s) => s.startingHashKey <= hash && hash <= s.endingHashKey)];
    if (list && list.length < perShard) list.push(name);
  }
  return groups;
}

/** Reads what the throttling rules promise about waiting messages, while the drain runs. */
async function waitingMessages(context: DeliveryTestContext) {
  const result = await context.db.pool.query<{
    state: string;
    last_error_code: string | null;
    scheduled_after_throttle_ms: number | null;
  }>(
    `SELECT state, last_error_code,
            (extract(epoch FROM next_attempt_at - last_error_at) * 1000)::float8 AS scheduled_after_throttle_ms
       FROM message WHERE sink_id = $1 AND state IN ('pending', 'failing')`,
    [context.sink.id],
  );
  return result.rows;
}

describe('a stream at its limits', () => {
  it('drains a backlog throttled for seconds: all delivered in order, none failing, each retried within 2 s', async () => {
    const { ctx, kinesis } = await setupThrottledStream(2, 200);
    const total = 2_400;
    await ctx.append(makeMessages(total, 300));
    await ctx.startEngine({ throttleReportIntervalMs: 300 });

    // Sampled while the stream throttles: throttled messages wait (pending), never fail, and are
    // scheduled again within milliseconds to a second, not on the exponential schedule.
    let samples = 0;
    let throttledSeen = 0;
    const latestSchedules: number[] = [];
    await waitFor(
      'every message delivered',
      async () => {
        const waiting = await waitingMessages(ctx);
        samples += 1;
        expect(waiting.filter((m) => m.state === 'failing')).toEqual([]);
        for (const message of waiting) {
          if (message.last_error_code !== THROTTLED) continue;
          throttledSeen += 1;
          latestSchedules.push(message.scheduled_after_throttle_ms ?? 0);
        }
        return waiting.length === 0;
      },
      120_000,
    );
    expect(samples).toBeGreaterThan(1);
    expect(throttledSeen).toBeGreaterThan(0);
    expect(Math.max(...latestSchedules)).toBeLessThanOrEqual(2_000);

    const records = landed(kinesis);
    expect(new Set(records.map((record) => record.data)).size).toBe(total);
    expectCommitOrderPerGroup(records);
    expect([...kinesis.throttledByShard().values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    // Every throttled attempt is in the history, with the code Kinesis answered.
    const attempts = await ctx.db.pool.query<{ error_code: string; count: number }>(
      'SELECT error_code, count(*)::int AS count FROM delivery_attempt WHERE sink_id = $1 GROUP BY error_code',
      [ctx.sink.id],
    );
    expect(attempts.rows.map((row) => row.error_code)).toEqual([THROTTLED]);
    expect(attempts.rows[0]?.count).toBeGreaterThan(0);

    // The console hears of it: the engine reports its learned rate and the shards at their limit.
    const shards = kinesis.shards().map((shard) => shard.shardId);
    await waitFor(
      'a throttling report',
      async () => {
        const reports = await ctx.db.pool.query<{ records_per_second: number; shards_at_limit: string[] }>(
          'SELECT records_per_second, shards_at_limit FROM sink_throttling WHERE sink_id = $1 AND throttled_records > 0',
          [ctx.sink.id],
        );
        const report = reports.rows[0];
        return Boolean(
          report &&
            report.records_per_second > 0 &&
            report.shards_at_limit.length > 0 &&
            report.shards_at_limit.every((id) => shards.includes(id)),
        );
      },
      10_000,
    );
  });

  it('lets the other shards deliver at their own rate while one hot shard is backlogged', async () => {
    const { ctx, kinesis } = await setupThrottledStream(4, 100);
    const [hotGroups, ...coldGroupLists] = groupsByShard(kinesis, 40);
    const coldGroups = coldGroupLists.flat();
    // 1,500 messages on the hot shard (15 s of its capacity), 80 on each of the three others.
    await ctx.append(messagesOver(hotGroups ?? [], 1_500, 1_000));
    await ctx.append(messagesOver(coldGroups, 240, 10_000_000));
    await ctx.startEngine();

    const cold = new Set(coldGroups);
    let hotWaitingWhenColdDone = 0;
    await waitFor(
      'the other shards drained',
      async () => {
        const states = await ctx?.state();
        if (!states || states.some((m) => cold.has(m.group) && m.state !== 'delivered')) return false;
        hotWaitingWhenColdDone = states.filter((m) => !cold.has(m.group) && m.state !== 'delivered').length;
        return true;
      },
      60_000,
    );
    expect(hotWaitingWhenColdDone).toBeGreaterThan(500);

    await ctx.waitUntilAllDelivered(120_000);
    const records = landed(kinesis);
    expect(new Set(records.map((record) => record.data)).size).toBe(1_740);
    expectCommitOrderPerGroup(records);
    const [hotShard, ...coldShards] = kinesis.shards().map((shard) => shard.shardId);
    expect(kinesis.throttledByShard().get(hotShard ?? '')).toBeGreaterThan(0);
    // Within their budget from the start, the other shards were never throttled.
    for (const shardId of coldShards) expect(kinesis.throttledByShard().get(shardId) ?? 0).toBe(0);
  });

  it('follows a shard split mid-load: everything delivered in order, new records on the child shards', async () => {
    const { ctx, kinesis } = await setupThrottledStream(2, 200);
    const total = 3_000;
    await ctx.append(makeMessages(total, 400));
    await ctx.startEngine();

    await waitFor('some delivered', async () => kinesis.records().length >= 600, 60_000);
    const parent = kinesis.shards()[0]?.shardId ?? '';
    const splitAt = kinesis.records().length;
    kinesis.splitShard(parent);
    const children = kinesis
      .shards()
      .filter((shard) => shard.open && shard.shardId !== kinesis.shards()[1]?.shardId)
      .map((shard) => shard.shardId);

    await ctx.waitUntilAllDelivered(120_000);
    const records = landed(kinesis);
    expect(new Set(records.map((record) => record.data)).size).toBe(total);
    expectCommitOrderPerGroup(records);
    const after = records.slice(splitAt);
    expect(after.some((record) => record.shardId === parent)).toBe(false);
    for (const child of children)
      expect(after.filter((record) => record.shardId === child).length).toBeGreaterThan(0);
    const states = await ctx.state();
    expect(states.filter((m) => m.state !== 'delivered')).toEqual([]);
  });
});

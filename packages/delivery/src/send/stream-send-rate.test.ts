import { createKinesisClient, type KinesisConnection } from '@shardline/kinesis';
import { hashKeyOf, type ShardedKinesis, startNoopKinesis, startShardedKinesis } from '@shardline/testing';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamSendRate, WHOLE_STREAM } from './stream-send-rate';

const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/orders';
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A send rate on `endpoint`, with its warnings kept, on a clock the test moves. */
function sendRateOn(endpoint: string, refreshMs = 60_000) {
  const connection: KinesisConnection = {
    streamArn: STREAM_ARN,
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const client = createKinesisClient(connection);
  stops.push(async () => client.destroy());
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
  const clock = { now: 0 };
  const rate = new StreamSendRate({
    sinkId: 'sink',
    client,
    connection,
    logger,
    refreshMs,
    now: () => clock.now,
  });
  return { rate, warnings, clock };
}

async function sharded(options: Parameters<typeof startShardedKinesis>[0]): Promise<ShardedKinesis> {
  const stream = await startShardedKinesis(options);
  stops.push(() => stream.stop());
  return stream;
}

describe('StreamSendRate', () => {
  it("keeps a budget per open shard, of a provisioned shard's 1,000 records a second", async () => {
    const stream = await sharded({ shards: 3 });
    const { rate } = sendRateOn(stream.endpoint);
    await rate.ready();
    expect(rate.available()).toBe(3_000);
    expect(rate.recordsPerSecond()).toBe(3_000);
    const shards = stream.shards().map((shard) => shard.shardId);
    for (let n = 0; n < 30; n++) expect(shards).toContain(rate.shardOf(`customer-${n}`));
  });

  it('slows only the throttled shard, and reports it as at its limit', async () => {
    const stream = await sharded({ shards: 2 });
    const { rate, clock } = sendRateOn(stream.endpoint);
    await rate.ready();
    const [hot, cold] = stream.shards().map((shard) => shard.shardId);
    const keyOn = (shardId: string | undefined) =>
      Array.from({ length: 100 }, (_, n) => `k${n}`).find((key) => rate.shardOf(key) === shardId) ?? '';
    const throttled = rate.observe([
      {
        partitionKey: keyOn(hot),
        sentAt: 0,
        outcome: { ok: false, throttled: true, code: 'ProvisionedThroughputExceededException' },
      },
    ]);
    expect(throttled).toEqual(new Map([[hot, 1]]));
    expect(rate.tryTake(keyOn(hot), 100)).toBe(false);
    expect(rate.tryTake(keyOn(cold), 100)).toBe(true);
    expect(rate.summary()).toEqual({ recordsPerSecond: 1_800, shardsAtLimit: [hot], throttledRecords: 1 });
    clock.now = 31_000;
    expect(rate.summary().shardsAtLimit).toEqual([]);
  });

  it('reads the shards again when a record lands on a shard the map does not know (a split)', async () => {
    const stream = await sharded({ shards: 2 });
    const { rate } = sendRateOn(stream.endpoint);
    await rate.ready();
    const parent = stream.shards()[0]?.shardId ?? '';
    stream.splitShard(parent);
    const key = Array.from({ length: 100 }, (_, n) => `k${n}`).find((k) => rate.shardOf(k) === parent) ?? '';
    // Where Kinesis puts it once the parent is closed: the child whose range holds its hash key.
    const hash = hashKeyOf(key);
    const child =
      stream.shards().find((s) => s.open && s.startingHashKey <= hash && hash <= s.endingHashKey)?.shardId ??
      '';
    expect(child).not.toBe(parent);
    rate.observe([{ partitionKey: key, sentAt: 0, outcome: { ok: true, shardId: child } }]);
    await rate.ready();
    await expect.poll(() => rate.shardOf(key)).toBe(child);
    expect(rate.available()).toBe(3_000);
  });

  it('learns an on-demand stream from throttles only: no limit before the first', async () => {
    const stream = await sharded({ shards: 2, onDemand: true });
    const { rate } = sendRateOn(stream.endpoint);
    await rate.ready();
    expect(rate.available()).toBe(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 5_000; i++) expect(rate.tryTake('customer-1', 100)).toBe(true);
  });

  it('paces the whole stream as one, and says so once, when the shards cannot be listed', async () => {
    const noop = await startNoopKinesis();
    stops.push(() => noop.stop());
    const { rate, warnings, clock } = sendRateOn(noop.endpoint, 1_000);
    await rate.ready();
    clock.now = 5_000;
    await rate.ready();
    await rate.ready();
    expect(rate.shardOf('customer-1')).toBe(WHOLE_STREAM);
    // The endpoint claims one shard; without the list that is no evidence of a limit.
    for (let i = 0; i < 5_000; i++) expect(rate.tryTake(`customer-${i}`, 100)).toBe(true);
    expect(warnings.filter((message) => message.includes('kinesis:ListShards'))).toHaveLength(1);
    // Throttles then slow the whole stream, and are reported without naming a shard.
    rate.observe([
      {
        partitionKey: 'customer-1',
        sentAt: clock.now,
        outcome: { ok: false, throttled: true, code: 'ProvisionedThroughputExceededException' },
      },
    ]);
    expect(rate.tryTake('customer-2', 100)).toBe(false);
    expect(rate.summary()).toMatchObject({ shardsAtLimit: [], throttledRecords: 1 });
  });
});

import { hashKeyOf as simulatorHashKeyOf, startShardedKinesis } from '@shardline/testing';
import { describe, expect, it } from 'vitest';
import { hashKeyOf, ShardMap } from './shard-map';

const TOP = 2n ** 128n - 1n;

describe('hashKeyOf', () => {
  it('is the MD5 of the key as a 128-bit integer, as Kinesis and the stream simulator compute it', () => {
    expect(hashKeyOf('')).toBe(0xd41d8cd98f00b204e9800998ecf8427en);
    for (const key of ['order-1', '42', 'ü-ß-€', 'x'.repeat(256)])
      expect(hashKeyOf(key)).toBe(simulatorHashKeyOf(key));
  });
});

describe('ShardMap', () => {
  const half = 2n ** 127n;
  const map = new ShardMap([
    { shardId: 'shardId-000000000003', startingHashKey: half, endingHashKey: TOP },
    { shardId: 'shardId-000000000002', startingHashKey: 0n, endingHashKey: half - 1n },
  ]);

  it('finds the shard whose hash key range holds the key, whatever order ListShards gave', () => {
    for (let n = 0; n < 200; n++) {
      const key = `customer-${n}`;
      expect(map.shardOf(key)).toBe(hashKeyOf(key) < half ? 'shardId-000000000002' : 'shardId-000000000003');
    }
  });

  it('says so when no open shard covers a key (a split under way)', () => {
    const partial = new ShardMap([
      { shardId: 'shardId-000000000001', startingHashKey: 0n, endingHashKey: half - 1n },
    ]);
    const uncovered =
      Array.from({ length: 50 }, (_, n) => `k${n}`).find((key) => hashKeyOf(key) >= half) ?? '';
    expect(partial.shardOf(uncovered)).toBeNull();
  });

  it('agrees with where the stream simulator puts each record', async () => {
    const stream = await startShardedKinesis({ shards: 5 });
    try {
      const simulated = new ShardMap(stream.shards());
      const keys = Array.from({ length: 300 }, (_, n) => `group-${n}`);
      for (const key of keys) {
        const hash = simulatorHashKeyOf(key);
        const expected = stream.shards().find((s) => s.startingHashKey <= hash && hash <= s.endingHashKey);
        expect(simulated.shardOf(key)).toBe(expected?.shardId);
      }
    } finally {
      await stream.stop();
    }
  });
});

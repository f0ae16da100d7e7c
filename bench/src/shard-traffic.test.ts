import { hashKeyOf } from '@shardline/testing';
import { describe, expect, it } from 'vitest';
import { keysByShard, ShardTraffic } from './shard-traffic';

const MAX_HASH_KEY = (1n << 128n) - 1n;
const quarter = (MAX_HASH_KEY + 1n) / 4n;
const fourShards = [0n, 1n, 2n, 3n].map((index) => ({
  startingHashKey: quarter * index,
  endingHashKey: index === 3n ? MAX_HASH_KEY : quarter * (index + 1n) - 1n,
}));

describe('keysByShard', () => {
  it('gives each shard keys whose MD5 falls in its hash key range', () => {
    const keys = keysByShard(fourShards, 50);
    expect(keys.map((shardKeys) => shardKeys.length)).toEqual([50, 50, 50, 50]);
    keys.forEach((shardKeys, index) => {
      const range = fourShards[index];
      for (const key of shardKeys) {
        const hash = hashKeyOf(String(key));
        expect(range && hash >= range.startingHashKey && hash <= range.endingHashKey).toBe(true);
      }
    });
    expect(new Set(keys.flat()).size).toBe(200);
  });
});

describe('ShardTraffic', () => {
  it('sends each shard its weight of the messages, spread evenly', () => {
    const traffic = new ShardTraffic([[1, 2], [3], [4], [5]], [3, 1, 1, 1]);
    const shards = Array.from({ length: 600 }, () => traffic.nextShard());
    expect(traffic.offeredPerShard()).toEqual([300, 100, 100, 100]);
    // Half of every six messages goes to the hot shard: no bursts the stream would smooth out.
    for (let start = 0; start < 600; start += 6) {
      expect(shards.slice(start, start + 6).filter((shard) => shard === 0)).toHaveLength(3);
    }
  });

  it("goes round each shard's keys in turn", () => {
    const traffic = new ShardTraffic([[10, 11, 12], [20]], [1, 1]);
    expect(Array.from({ length: 8 }, () => traffic.next())).toEqual([10, 20, 11, 20, 12, 20, 10, 20]);
  });

  it('refuses a shard without keys', () => {
    expect(() => new ShardTraffic([[1], []], [1, 1])).toThrow('every shard needs a key');
  });
});

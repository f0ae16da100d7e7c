import { deaggregate } from '@shardline/kinesis';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_FLOOR_BYTES,
  aggregateBytesAllowed,
  aggregatedWalkBytes,
  packAggregated,
  type ShardRoom,
} from './aggregation-packing';

const KiB = 1024;
const message = (groupKey: string, bytes = 100) => {
  const payload = JSON.stringify({ group: groupKey, pad: 'x'.repeat(Math.max(0, bytes - 30)) });
  return { groupKey, payload, sizeBytes: Buffer.byteLength(payload) + Buffer.byteLength(groupKey) };
};

/** Groups "a…" land on shard A, "b…" on shard B, "u…" on no known shard. */
function room(bytes: Record<string, number> = {}): ShardRoom & { taken: Array<[string, number]> } {
  const taken: Array<[string, number]> = [];
  const shardOf = (groupKey: string) =>
    groupKey.startsWith('u') ? null : (groupKey[0]?.toUpperCase() ?? null);
  return {
    taken,
    shardOf,
    bytesAvailable: (shardId) => bytes[shardId] ?? Number.POSITIVE_INFINITY,
    tryTake: (groupKey, size) => {
      const shardId = shardOf(groupKey) ?? 'stream';
      if ((bytes[shardId] ?? 1) <= 0) return false;
      taken.push([shardId, size]);
      return true;
    },
  };
}

describe('packAggregated', () => {
  it('sends one record per shard holding its messages in order, one budget record each', () => {
    const messages = ['a1', 'b1', 'a2', 'b2', 'a3'].map((key) => message(key));
    const shards = room();
    const packed = packAggregated(messages, { maxRecordBytes: 64 * KiB }, shards);
    expect(packed.requests).toHaveLength(1);
    const records = packed.requests[0] ?? [];
    expect(records.map((record) => [record.partitionKey, record.packedForShard])).toEqual([
      ['a1', 'A'],
      ['b1', 'B'],
    ]);
    expect(deaggregate(records[0]?.data ?? Buffer.alloc(0)).map((m) => m.partitionKey)).toEqual([
      'a1',
      'a2',
      'a3',
    ]);
    expect(shards.taken).toEqual(records.map((record) => [record.packedForShard, record.sizeBytes]));
    expect(records[0]?.sizeBytes).toBe((records[0]?.data.length ?? 0) + 2);
  });

  it('judges size per message: an oversize one fails alone, the others go', () => {
    const packed = packAggregated(
      [message('a1'), message('a2', 5 * KiB), message('a3')],
      { maxRecordBytes: 4 * KiB },
      room(),
    );
    expect(packed.tooLarge.map((m) => m.groupKey)).toEqual(['a2']);
    expect(packed.requests.flat().flatMap((record) => record.messages.map((m) => m.groupKey))).toEqual([
      'a1',
      'a3',
    ]);
  });

  it('fills an aggregate up to the record limit and leaves the rest waiting, group order intact', () => {
    const messages = Array.from({ length: 100 }, (_, i) => message(`a${i}`, 200));
    const packed = packAggregated(messages, { maxRecordBytes: 4 * KiB }, room());
    const [record] = packed.requests.flat();
    expect(packed.requests.flat()).toHaveLength(1);
    expect(record?.sizeBytes).toBeLessThanOrEqual(4 * KiB);
    expect([...(record?.messages ?? []), ...packed.deferred]).toEqual(messages);
  });

  it("sizes an aggregate by the shard's byte budget, never below the floor", () => {
    const messages = Array.from({ length: 400 }, (_, i) => message(`a${i}`, 200));
    const packed = packAggregated(messages, { maxRecordBytes: 256 * KiB }, room({ A: 3 * KiB }));
    const [record] = packed.requests.flat();
    expect(record?.sizeBytes).toBeLessThanOrEqual(AGGREGATE_FLOOR_BYTES);
    expect(record?.sizeBytes).toBeGreaterThan(AGGREGATE_FLOOR_BYTES - 300);
  });

  it('holds back, unsent, the messages of a shard with no room, and of a group already in', () => {
    const packed = packAggregated(
      [message('a1'), message('b1'), message('a1')],
      { maxRecordBytes: 64 * KiB },
      room({ B: 0 }),
    );
    expect(packed.requests.flat().map((record) => record.partitionKey)).toEqual(['a1']);
    expect(packed.deferred.map((m) => m.groupKey).sort()).toEqual(['a1', 'b1']);
  });

  it('sends plain, one record each, the messages of no known shard and a lone one', () => {
    const packed = packAggregated(
      [message('u1'), message('u2'), message('b1')],
      { maxRecordBytes: 64 * KiB },
      room(),
    );
    const records = packed.requests.flat();
    expect(
      records.map((record) => [record.partitionKey, record.packedForShard, record.messages.length]),
    ).toEqual([
      ['b1', null, 1],
      ['u1', null, 1],
      ['u2', null, 1],
    ]);
    expect(records[1]?.data.toString()).toBe(message('u1').payload);
  });
});

describe('aggregateBytesAllowed and aggregatedWalkBytes', () => {
  it('allow the record limit, or the budget above the floor, and nothing for a shard without room', () => {
    expect(aggregateBytesAllowed(1024 * KiB, Number.POSITIVE_INFINITY)).toBe(1024 * KiB);
    expect(aggregateBytesAllowed(1024 * KiB, 100 * KiB)).toBe(100 * KiB);
    expect(aggregateBytesAllowed(1024 * KiB, 1)).toBe(AGGREGATE_FLOOR_BYTES);
    expect(aggregateBytesAllowed(1024 * KiB, 0)).toBe(0);
    expect(aggregatedWalkBytes(1024 * KiB, [100 * KiB, 0, Number.POSITIVE_INFINITY])).toBe(1124 * KiB);
  });
});

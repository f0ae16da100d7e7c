import { ListShardsCommand } from '@aws-sdk/client-kinesis';
import {
  aggregateWithReference,
  createTestKinesisClient,
  createTestStream,
  deaggregateWithReference,
  hashKeyOf,
  readAllRecords,
  TEST_REGION,
  type TestStream,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aggregateRecords,
  createKinesisClient,
  DEFAULT_MAX_RECORD_BYTES,
  deaggregate,
  encodeAggregatedRecord,
  type KinesisConnection,
  putRecords,
  type UserRecord,
} from '../src';

// What a change message looks like in the stream: a few hundred bytes of JSON.
function change(group: string, version: number): UserRecord {
  const payload = { record: { id: group, version, note: 'é'.repeat(version % 5) }, action: 'update' };
  return { partitionKey: group, data: Buffer.from(JSON.stringify(payload)) };
}

describe('aggregated records against aws-kinesis-agg (the reference implementation)', () => {
  it('the reference reads our aggregated records: every message, in order, with its partition key', () => {
    const messages = Array.from({ length: 1_000 }, (_, index) => change(`customer:${index}`, index));
    const packed = aggregateRecords(messages, { maxRecordBytes: 16 * 1024 });
    // Many aggregated records (the last may hold a lone message, sent plain).
    expect(packed.filter((record) => record.aggregated).length).toBeGreaterThan(5);
    // Checksums verified: the reference refuses a record whose MD5 does not match.
    const read = packed.flatMap((record) => deaggregateWithReference(record.data, record.partitionKey));
    expect(read).toEqual(messages);
  });

  it('the reference passes a lone message sent plain through as itself', () => {
    const [plain] = aggregateRecords([change('customer:1', 1)], { maxRecordBytes: DEFAULT_MAX_RECORD_BYTES });
    expect(plain?.aggregated).toBe(false);
    expect(deaggregateWithReference(plain?.data ?? Buffer.alloc(0), 'customer:1')).toEqual([
      change('customer:1', 1),
    ]);
  });

  it('we read what the reference writes, byte for byte the same as our own encoding', () => {
    const messages = [change('a', 1), change('b', 2), change('a', 3), change('ключ', 4)];
    const written = aggregateWithReference(messages);
    expect(written.partitionKey).toBe('a');
    expect(deaggregate(written.data)).toEqual(messages);
    expect(encodeAggregatedRecord(messages)).toEqual(written.data);
  });
});

describe('aggregated records through a stream', () => {
  let stream: TestStream;
  let connection: KinesisConnection;

  beforeAll(async () => {
    stream = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
    connection = {
      streamArn: stream.streamArn,
      region: TEST_REGION,
      endpoint: kinesisEndpoint(),
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    };
  });

  it('lands each aggregate on its shard and reads back, deaggregated, in order per group', async () => {
    const shards = await listShardRanges(stream.streamArn);
    const groups = Array.from({ length: 40 }, (_, index) => `order:${index}`);
    const client = createKinesisClient(connection);
    try {
      // Three rounds, as the delivery loop sends them: at most one message per group a round, the
      // messages bound for one shard packed together.
      for (let version = 0; version < 3; version++) {
        const outgoing = shards.flatMap((shard) =>
          aggregateRecords(
            groups.filter((group) => shard.holds(hashKeyOf(group))).map((group) => change(group, version)),
            { maxRecordBytes: 2_048 },
          ),
        );
        const outcomes = await putRecords(client, connection, outgoing);
        expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      }
    } finally {
      client.destroy();
    }

    const landed = await readAllRecords(kinesisEndpoint(), stream.streamArn);
    const received = landed.flatMap((record) =>
      deaggregateWithReference(record.bytes, record.partitionKey).map((userRecord) => ({
        shardId: record.shardId,
        ...userRecord,
      })),
    );
    // Every message arrived once, on the shard its own partition key maps to: a KCL consumer,
    // which drops user records outside its shard's hash range, keeps them all.
    expect(received).toHaveLength(groups.length * 3);
    for (const userRecord of received) {
      const shard = shards.find((candidate) => candidate.shardId === userRecord.shardId);
      expect(shard?.holds(hashKeyOf(userRecord.partitionKey))).toBe(true);
    }
    // Each group's messages in the order they were sent.
    for (const group of groups) {
      const versions = received
        .filter((userRecord) => userRecord.partitionKey === group)
        .map((userRecord) => JSON.parse(userRecord.data.toString('utf8')).record.version);
      expect(versions).toEqual([0, 1, 2]);
    }
    // Fewer records in the stream than messages: that is the point of aggregating.
    expect(landed.length).toBeLessThan(received.length / 4);
  });
});

async function listShardRanges(
  streamArn: string,
): Promise<Array<{ shardId: string; holds: (hashKey: bigint) => boolean }>> {
  const client = createTestKinesisClient(kinesisEndpoint());
  try {
    const { Shards: shards = [] } = await client.send(new ListShardsCommand({ StreamARN: streamArn }));
    return shards.map((shard) => {
      const start = BigInt(shard.HashKeyRange?.StartingHashKey ?? '0');
      const end = BigInt(shard.HashKeyRange?.EndingHashKey ?? '0');
      return { shardId: shard.ShardId ?? '', holds: (hashKey) => hashKey >= start && hashKey <= end };
    });
  } finally {
    client.destroy();
  }
}

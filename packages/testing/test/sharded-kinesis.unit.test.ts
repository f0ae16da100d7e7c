import { ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestKinesisClient } from '../src/kinesis-client';
import { hashKeyOf, type ShardedKinesis, startShardedKinesis } from '../src/sharded-kinesis';

let kinesis: ShardedKinesis | undefined;
afterEach(async () => {
  await kinesis?.stop();
  kinesis = undefined;
});

const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/simulated';

describe('the sharded Kinesis simulator', () => {
  it('maps keys to shards by MD5, refuses records past a shard budget, and splits shards', async () => {
    kinesis = await startShardedKinesis({ shards: 2, recordsPerSecondPerShard: 10 });
    const client = createTestKinesisClient(kinesis.endpoint);
    const { Shards } = await client.send(new ListShardsCommand({ StreamARN: STREAM_ARN }));
    expect(Shards?.map((shard) => shard.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);

    // 30 records for the keys of one shard: its budget takes 10 at once, the rest are refused.
    const [first] = kinesis.shards();
    const keys = Array.from({ length: 400 }, (_, index) => `key-${index}`)
      .filter((key) => first && hashKeyOf(key) <= first.endingHashKey)
      .slice(0, 30);
    const answer = await client.send(
      new PutRecordsCommand({
        StreamARN: STREAM_ARN,
        Records: keys.map((key) => ({ PartitionKey: key, Data: Buffer.from('{}') })),
      }),
    );
    expect(answer.FailedRecordCount).toBe(20);
    expect(answer.Records?.[0]?.ShardId).toBe('shardId-000000000000');
    expect(answer.Records?.[29]?.ErrorCode).toBe('ProvisionedThroughputExceededException');
    expect(kinesis.takenByShard().get('shardId-000000000000')).toBe(10);
    expect(kinesis.throttledByShard().get('shardId-000000000000')).toBe(20);

    kinesis.splitShard('shardId-000000000000');
    const split = await client.send(new ListShardsCommand({ StreamARN: STREAM_ARN }));
    expect(
      split.Shards?.map((shard) => [shard.ShardId, shard.SequenceNumberRange?.EndingSequenceNumber]),
    ).toEqual([
      ['shardId-000000000000', '1'],
      ['shardId-000000000001', undefined],
      ['shardId-000000000002', undefined],
      ['shardId-000000000003', undefined],
    ]);
  });
});

import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { createTestKinesisClient, createTestStream, readAllRecords } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { expect, test } from 'vitest';

test('records put into the emulator are read back in per-shard order', async () => {
  const endpoint = kinesisEndpoint();
  const stream = await createTestStream(endpoint, { shardCount: 2 });
  expect(stream.streamArn).toBe(`arn:aws:kinesis:us-east-1:000000000000:stream/${stream.streamName}`);

  const client = createTestKinesisClient(endpoint);
  const sent = Array.from({ length: 40 }, (_, i) => ({
    partitionKey: `key-${i % 5}`,
    data: `record ${i} ✓`,
  }));
  const put = await client.send(
    new PutRecordsCommand({
      StreamARN: stream.streamArn,
      Records: sent.map((record) => ({ PartitionKey: record.partitionKey, Data: Buffer.from(record.data) })),
    }),
  );
  client.destroy();
  expect(put.FailedRecordCount).toBe(0);

  const records = await readAllRecords(endpoint, stream.streamArn, { expectCount: sent.length });
  expect(records).toHaveLength(sent.length);
  expect(new Set(records.map((record) => record.shardId)).size).toBe(2);
  // Each partition key lives on one shard, where its records keep the order they were sent in.
  for (const key of new Set(sent.map((record) => record.partitionKey))) {
    expect(records.filter((r) => r.partitionKey === key).map((r) => r.data)).toEqual(
      sent.filter((r) => r.partitionKey === key).map((r) => r.data),
    );
  }
  for (const shardId of new Set(records.map((record) => record.shardId))) {
    const sequence = records.filter((r) => r.shardId === shardId).map((r) => BigInt(r.sequenceNumber));
    expect(sequence).toEqual([...sequence].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }
});

test('readAllRecords returns what it has once the timeout passes', async () => {
  const endpoint = kinesisEndpoint();
  const stream = await createTestStream(endpoint);
  const startedAt = Date.now();
  const records = await readAllRecords(endpoint, stream.streamArn, { expectCount: 1, timeoutMs: 300 });
  expect(records).toEqual([]);
  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
});

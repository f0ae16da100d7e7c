import { DescribeStreamSummaryCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { createTestKinesisClient, startNoopKinesis } from '@shardline/testing';
import { expect, test } from 'vitest';

test('the no-op Kinesis acknowledges every record and describes an active stream', async () => {
  const noop = await startNoopKinesis({ maxRecordSizeKiB: 2048 });
  const client = createTestKinesisClient(noop.endpoint);
  try {
    const streamArn = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamARN: streamArn }));
    expect(summary.StreamDescriptionSummary).toMatchObject({
      StreamARN: streamArn,
      StreamStatus: 'ACTIVE',
      OpenShardCount: 1,
      MaxRecordSizeInKiB: 2048,
    });

    const records = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        PartitionKey: `"PartitionKey"-${i}`,
        Data: Buffer.from(`${i}`),
      }));
    const first = await client.send(new PutRecordsCommand({ StreamARN: streamArn, Records: records(3) }));
    const second = await client.send(new PutRecordsCommand({ StreamARN: streamArn, Records: records(500) }));
    expect(first.FailedRecordCount).toBe(0);
    expect(first.Records).toHaveLength(3);
    expect(second.Records).toHaveLength(500);
    const sequenceNumbers = [...(first.Records ?? []), ...(second.Records ?? [])].map(
      (r) => r.SequenceNumber ?? '',
    );
    expect(sequenceNumbers).toEqual([...sequenceNumbers].sort());
    expect(new Set(sequenceNumbers).size).toBe(503);
    expect(noop.recordsReceived()).toBe(503);
  } finally {
    client.destroy();
    await noop.stop();
  }
});

import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { createTestStream, readAllRecords, TEST_REGION, type TestStream } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKinesisClient,
  describeStream,
  type KinesisConnection,
  KinesisRequestError,
  putRecords,
} from '../src';

let stream: TestStream;
const clients: KinesisClient[] = [];

beforeAll(async () => {
  stream = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
});

afterAll(() => {
  for (const client of clients) client.destroy();
});

function connect(streamArn: string, endpoint = kinesisEndpoint()) {
  const connection: KinesisConnection = {
    streamArn,
    region: TEST_REGION,
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const client = createKinesisClient(connection);
  clients.push(client);
  return { client, connection };
}

/** An ARN in the emulator's account and region for a stream nobody created. */
const missingArn = () => stream.streamArn.replace(/stream\/.*$/, 'stream/no-such-stream');

describe('against kinesis-local', () => {
  it('delivers records and reports where each one landed', async () => {
    const { client, connection } = connect(stream.streamArn);
    const sent = ['a', 'b', 'c'].map((key) => ({
      data: Buffer.from(`row ${key}`),
      partitionKey: `key-${key}`,
    }));
    const outcomes = await putRecords(client, connection, sent);

    const stored = await readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount: sent.length });
    for (const [index, outcome] of outcomes.entries()) {
      if (!outcome.ok) throw new Error(`record failed: ${outcome.error.message}`);
      expect(outcome.shardId).toMatch(/^shardId-\d+$/);
      expect(outcome.sequenceNumber).toMatch(/^\d+$/);
      expect(stored).toContainEqual(
        expect.objectContaining({
          shardId: outcome.shardId,
          sequenceNumber: outcome.sequenceNumber,
          partitionKey: sent[index]?.partitionKey,
          data: sent[index]?.data.toString('utf8'),
        }),
      );
    }
  });

  it('fails every record with a worded not-found error for an unknown stream', async () => {
    const { client, connection } = connect(missingArn());
    const outcomes = await putRecords(client, connection, [
      { data: Buffer.from('x'), partitionKey: 'a' },
      { data: Buffer.from('y'), partitionKey: 'b' },
    ]);
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      if (outcome.ok) throw new Error('expected the record to fail');
      expect(outcome.error).toMatchObject({ code: 'ResourceNotFoundException' });
      expect(outcome.error.message).toContain(
        `Stream no-such-stream was not found in region ${TEST_REGION}: check the stream ARN and region`,
      );
      expect(outcome.error.message).toContain(`AWS said: Stream arn ${missingArn()} not found`);
    }
  });

  it("fails only the record over the stream's record size limit", async () => {
    const { client, connection } = connect(stream.streamArn);
    const [small, oversize] = await putRecords(client, connection, [
      { data: Buffer.from('small'), partitionKey: 'a' },
      { data: Buffer.alloc(1024 * 1024 + 10), partitionKey: 'b' },
    ]);
    expect(small?.ok).toBe(true);
    if (oversize?.ok !== false) throw new Error('expected the oversize record to fail');
    expect(oversize.error).toMatchObject({ code: 'InvalidArgumentException' });
    expect(oversize.error.message).toContain(`Kinesis rejected this record to stream ${stream.streamName}`);
    expect(oversize.error.message).toContain("exceeds the stream's max record size of 1048576 bytes");
  });

  it("reads the stream's status and shard count", async () => {
    const { client, connection } = connect(stream.streamArn);
    expect(await describeStream(client, connection)).toEqual({
      status: 'ACTIVE',
      openShardCount: 2,
      // kinesis-local does not report MaxRecordSizeInKiB.
      maxRecordSizeBytes: null,
      retentionPeriodHours: 24,
      onDemand: false,
    });
  });

  it('describes an unknown stream with the same wording as delivery', async () => {
    const { client, connection } = connect(missingArn());
    const failure = await describeStream(client, connection).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KinesisRequestError);
    expect((failure as KinesisRequestError).deliveryError.code).toBe('ResourceNotFoundException');
    expect((failure as Error).message).toContain(
      `Stream no-such-stream was not found in region ${TEST_REGION}`,
    );
  });
});

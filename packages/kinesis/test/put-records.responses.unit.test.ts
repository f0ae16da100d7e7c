import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisClient, MAX_RECORDS_PER_REQUEST, putRecords } from '../src';
import { ordersConnection, records } from './helpers/connections';
import { type FakeKinesis, type FakeReply, startFakeKinesis } from './helpers/fake-kinesis';

let fake: FakeKinesis | undefined;
let client: KinesisClient | undefined;

afterEach(async () => {
  client?.destroy();
  await fake?.close();
});

async function connect(reply: () => FakeReply) {
  fake = await startFakeKinesis(reply);
  const connection = ordersConnection(fake.endpoint);
  client = createKinesisClient(connection);
  return { fake, client, connection };
}

const accepted = (index: number) => ({
  ShardId: `shardId-00000000000${index}`,
  SequenceNumber: `4960${index}`,
});

describe('putRecords', () => {
  it('addresses the stream by ARN and sends every record with its partition key', async () => {
    const { fake, client, connection } = await connect(() => ({
      status: 200,
      json: { FailedRecordCount: 0, Records: [accepted(0), accepted(1), accepted(2)] },
    }));
    await putRecords(client, connection, records(3));
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.operation).toBe('PutRecords');
    expect(request?.body.StreamARN).toBe('arn:aws:kinesis:eu-west-2:123456789012:stream/orders');
    expect(request?.body.StreamName).toBeUndefined();
    expect(request?.body.Records).toEqual([
      { Data: Buffer.from('{"id":0}').toString('base64'), PartitionKey: 'order-0' },
      { Data: Buffer.from('{"id":1}').toString('base64'), PartitionKey: 'order-1' },
      { Data: Buffer.from('{"id":2}').toString('base64'), PartitionKey: 'order-2' },
    ]);
  });

  it('fails only the records Kinesis refused, keeping input order', async () => {
    const { client, connection } = await connect(() => ({
      status: 200,
      json: {
        FailedRecordCount: 2,
        Records: [
          {
            ErrorCode: 'ProvisionedThroughputExceededException',
            ErrorMessage: 'Rate exceeded for shard shardId-000000000001',
          },
          accepted(0),
          { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' },
        ],
      },
    }));
    const [throttled, ok, internal] = await putRecords(client, connection, records(3));

    expect(ok).toEqual({ ok: true, shardId: 'shardId-000000000000', sequenceNumber: '49600' });
    if (throttled?.ok !== false || internal?.ok !== false)
      throw new Error('expected the first and last to fail');
    expect(throttled.error).toMatchObject({
      code: 'ProvisionedThroughputExceededException',
    });
    expect(throttled.error.message).toContain('Kinesis throttled this record');
    expect(throttled.error.message).toContain('1 MiB/s or 1,000 records/s per shard');
    expect(throttled.error.message).toContain('Rate exceeded for shard shardId-000000000001');
    expect(internal.error).toMatchObject({ code: 'InternalFailure' });
    expect(internal.error.message).toContain('internal failure');
    expect(internal.error.message).toContain('it will be retried');
  });

  it('fails a record the response leaves out instead of reporting it delivered', async () => {
    const { client, connection } = await connect(() => ({ status: 200, json: { Records: [accepted(0)] } }));
    const outcomes = await putRecords(client, connection, records(2));
    expect(outcomes[0]?.ok).toBe(true);
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'MissingRecordResult' } });
  });

  it('sends nothing for an empty batch', async () => {
    const { fake, client, connection } = await connect(() => ({ status: 200, json: { Records: [] } }));
    expect(await putRecords(client, connection, [])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a batch over the PutRecords record limit before sending it', async () => {
    const { fake, client, connection } = await connect(() => ({ status: 200, json: { Records: [] } }));
    await expect(putRecords(client, connection, records(MAX_RECORDS_PER_REQUEST + 1))).rejects.toThrow(
      /at most 500 records, got 501/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('reuses one connection for consecutive requests', async () => {
    const { fake, client, connection } = await connect(() => ({
      status: 200,
      json: { Records: [accepted(0)] },
    }));
    for (let i = 0; i < 3; i++) await putRecords(client, connection, records(1));
    expect(fake.requests).toHaveLength(3);
    expect(fake.connectionCount()).toBe(1);
  });
});

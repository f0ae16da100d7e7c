import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisClient, describeStream, KinesisRequestError } from '../src';
import { ordersConnection } from './helpers/connections';
import { awsError, type FakeKinesis, type FakeReply, startFakeKinesis } from './helpers/fake-kinesis';
import { unusedPort } from './helpers/unused-port';

let fake: FakeKinesis | undefined;
let client: KinesisClient | undefined;

afterEach(async () => {
  client?.destroy();
  await fake?.close();
  fake = undefined;
});

async function describeThrough(reply: FakeReply) {
  fake = await startFakeKinesis(() => reply);
  const connection = ordersConnection(fake.endpoint);
  client = createKinesisClient(connection);
  return describeStream(client, connection);
}

const summary = (extra: Record<string, unknown>) => ({
  status: 200,
  json: {
    StreamDescriptionSummary: {
      StreamName: 'orders',
      StreamARN: 'arn:aws:kinesis:eu-west-2:123456789012:stream/orders',
      StreamStatus: 'ACTIVE',
      OpenShardCount: 4,
      RetentionPeriodHours: 48,
      ...extra,
    },
  },
});

describe('describeStream', () => {
  it("asks by ARN and turns the stream's raised record limit into bytes", async () => {
    const description = await describeThrough(summary({ MaxRecordSizeInKiB: 10240 }));
    expect(description).toEqual({
      status: 'ACTIVE',
      openShardCount: 4,
      maxRecordSizeBytes: 10 * 1024 * 1024,
      retentionPeriodHours: 48,
      onDemand: false,
    });
    expect(fake?.requests[0]?.operation).toBe('DescribeStreamSummary');
    expect(fake?.requests[0]?.body).toEqual({
      StreamARN: 'arn:aws:kinesis:eu-west-2:123456789012:stream/orders',
    });
  });

  it('leaves the record limit unknown when Kinesis does not state one', async () => {
    const description = await describeThrough(summary({}));
    expect(description.maxRecordSizeBytes).toBeNull();
  });

  it('tells an on-demand stream from a provisioned one', async () => {
    const onDemand = await describeThrough(summary({ StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    expect(onDemand.onDemand).toBe(true);
    await fake?.close();
    const provisioned = await describeThrough(summary({ StreamModeDetails: { StreamMode: 'PROVISIONED' } }));
    expect(provisioned.onDemand).toBe(false);
  });

  it('throws the same worded error delivery would record', async () => {
    const failure = await describeThrough(
      awsError('AccessDeniedException', 'not authorized to perform: kinesis:DescribeStreamSummary'),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KinesisRequestError);
    const { deliveryError } = failure as KinesisRequestError;
    expect(deliveryError).toMatchObject({ code: 'AccessDeniedException' });
    expect(deliveryError.message).toContain('kinesis:DescribeStreamSummary on arn:aws:kinesis:eu-west-2');
    expect((failure as Error).message).toBe(deliveryError.message);
  });

  it('throws a worded network error when the endpoint is down', async () => {
    const connection = ordersConnection(`http://127.0.0.1:${await unusedPort()}`);
    client = createKinesisClient(connection);
    await expect(describeStream(client, connection)).rejects.toMatchObject({
      deliveryError: { code: 'ECONNREFUSED' },
      message: expect.stringContaining('connection refused'),
    });
  });
});

import type { KinesisClient } from '@aws-sdk/client-kinesis';
import {
  createTestStream,
  type FaultProxy,
  readAllRecords,
  startFaultProxy,
  TEST_REGION,
  type TestStream,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKinesisClient, type KinesisConnection, putRecords } from '../src';

let stream: TestStream;
let proxy: FaultProxy;
let client: KinesisClient;
let connection: KinesisConnection;

beforeEach(async () => {
  stream = await createTestStream(kinesisEndpoint());
  proxy = await startFaultProxy({ target: kinesisEndpoint() });
  connection = {
    streamArn: stream.streamArn,
    region: TEST_REGION,
    endpoint: proxy.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  client = createKinesisClient(connection);
});

afterEach(async () => {
  client.destroy();
  await proxy.stop();
});

const rows = (keys: string[]) => keys.map((key) => ({ data: Buffer.from(`row ${key}`), partitionKey: key }));

describe('putRecords behind a fault-injecting proxy', () => {
  it('stores the accepted records and fails only the throttled ones', async () => {
    proxy.failRecords(({ partitionKey }) =>
      partitionKey === 'hot'
        ? { errorCode: 'ProvisionedThroughputExceededException', errorMessage: 'Rate exceeded for shard' }
        : null,
    );
    const outcomes = await putRecords(client, connection, rows(['cold-1', 'hot', 'cold-2']));

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    const throttled = outcomes[1];
    if (throttled?.ok !== false) throw new Error('expected the hot record to fail');
    expect(throttled.error).toMatchObject({
      code: 'ProvisionedThroughputExceededException',
    });
    expect(throttled.error.message).toContain(`its shard of stream ${stream.streamName} (${TEST_REGION})`);
    const stored = await readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount: 2 });
    expect(stored.map((record) => record.partitionKey).sort()).toEqual(['cold-1', 'cold-2']);
  });

  it('fails the whole batch while Kinesis is unreachable, then delivers once it is back', async () => {
    await proxy.goDown();
    const down = await putRecords(client, connection, rows(['a', 'b']));
    for (const outcome of down) {
      if (outcome.ok) throw new Error('expected the record to fail');
      expect(outcome.error.code).toMatch(/^(ECONNREFUSED|ECONNRESET)$/);
      expect(outcome.error.message).toContain(proxy.endpoint);
    }

    await proxy.comeUp();
    const up = await putRecords(client, connection, rows(['a', 'b']));
    expect(up.every((outcome) => outcome.ok)).toBe(true);
  });

  it('words a throttled request the same way for every record', async () => {
    proxy.failRequests((operation) =>
      operation === 'PutRecords'
        ? {
            status: 400,
            body: { __type: 'ProvisionedThroughputExceededException', message: 'Rate exceeded' },
          }
        : null,
    );
    const outcomes = await putRecords(client, connection, rows(['a', 'b']));
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      if (outcome.ok) throw new Error('expected the record to fail');
      expect(outcome.error.message).toMatch(/^Kinesis throttled the request: the stream's shards are over/);
    }
    expect(await readAllRecords(kinesisEndpoint(), stream.streamArn)).toEqual([]);
  });
});

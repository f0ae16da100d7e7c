import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  createTestKinesisClient,
  createTestStream,
  type FaultProxy,
  startFaultProxy,
  TEST_REGION,
  type TestStream,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aggregateRecords,
  type KinesisConnection,
  KPL_MAGIC,
  readLatestStreamRecords,
  StreamReadError,
} from '../src';

let stream: TestStream;
let proxy: FaultProxy;

beforeAll(async () => {
  stream = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
  proxy = await startFaultProxy({ target: kinesisEndpoint() });
});

afterAll(() => proxy.stop());

function connection(overrides: Partial<KinesisConnection> = {}): KinesisConnection {
  return {
    streamArn: stream.streamArn,
    region: TEST_REGION,
    endpoint: kinesisEndpoint(),
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    ...overrides,
  };
}

async function put(records: Array<{ key: string; data: Buffer | string }>): Promise<void> {
  const client = createTestKinesisClient(kinesisEndpoint());
  try {
    const output = await client.send(
      new PutRecordsCommand({
        StreamARN: stream.streamArn,
        Records: records.map((record) => ({ PartitionKey: record.key, Data: Buffer.from(record.data) })),
      }),
    );
    expect(output.FailedRecordCount).toBe(0);
  } finally {
    client.destroy();
  }
}

describe('readLatestStreamRecords', () => {
  it('reads the newest records of every shard back, newest first, with their data decoded', async () => {
    // Two requests a moment apart, so arrival times order them.
    await put(Array.from({ length: 6 }, (_, index) => ({ key: `order-${index}`, data: `{"id":${index}}` })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await put([{ key: 'order-last', data: '{"id":"last","note":"héllo"}' }]);

    const latest = await readLatestStreamRecords(connection(), { limit: 4 });
    expect(latest.shardCount).toBe(2);
    expect(latest.complete).toBe(true);
    // The last five minutes held enough: no need to read the whole stream.
    expect(latest.readSince?.getTime()).toBeGreaterThan(Date.now() - 6 * 60_000);
    expect(latest.records).toHaveLength(4);
    const [newest] = latest.records;
    expect(newest).toMatchObject({
      partitionKey: 'order-last',
      data: '{"id":"last","note":"héllo"}',
      encoding: 'utf8',
      truncated: false,
      sizeBytes: Buffer.byteLength('{"id":"last","note":"héllo"}'),
    });
    expect(newest?.shardId).toMatch(/^shardId-/);
    expect(newest?.sequenceNumber).toMatch(/^\d+$/);
    expect(newest?.arrivedAt).toBeInstanceOf(Date);
    // The rest come from the first request, both shards mixed.
    expect(latest.records.slice(1).every((record) => /^order-\d$/.test(record.partitionKey))).toBe(true);
    const times = latest.records.map((record) => record.arrivedAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('shows binary data as base64 and cuts long data, saying so', async () => {
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x01]);
    await put([{ key: 'binary', data: binary }]);
    await put([{ key: 'long', data: `"${'é'.repeat(100)}"` }]);
    const latest = await readLatestStreamRecords(connection(), { limit: 2, maxDataBytes: 11 });
    const long = latest.records.find((record) => record.partitionKey === 'long');
    const raw = latest.records.find((record) => record.partitionKey === 'binary');
    expect(raw).toMatchObject({ encoding: 'base64', data: binary.toString('base64'), truncated: false });
    // 11 bytes end inside an é: the half character is dropped, not shown as garbage.
    expect(long).toMatchObject({
      encoding: 'utf8',
      data: `"${'é'.repeat(5)}`,
      truncated: true,
      sizeBytes: 202,
    });
  });

  it('looks back to the oldest record the stream keeps when recent minutes hold too few', async () => {
    // Every record is older than the recent looks, shortened to a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const latest = await readLatestStreamRecords(connection(), { limit: 1_000, lookbacksMs: [50, 100] });
    expect(latest.readSince).toBeNull();
    expect(latest.records.map((record) => record.partitionKey)).toContain('order-0');
    expect(latest.records.length).toBeGreaterThanOrEqual(9);
  });

  it('names the permission Kinesis denied, and the others reading back needs', async () => {
    proxy.failRequests((operation) =>
      operation === 'GetRecords'
        ? {
            status: 400,
            body: {
              __type: 'AccessDeniedException',
              message: `User: arn:aws:iam::123456789012:user/shardline is not authorized to perform: kinesis:GetRecords on resource: ${stream.streamArn}`,
            },
          }
        : null,
    );
    try {
      const failure = await readLatestStreamRecords(connection({ endpoint: proxy.endpoint }), {
        limit: 5,
      }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StreamReadError);
      const { failure: described } = failure as StreamReadError;
      expect(described.code).toBe('AccessDeniedException');
      expect(described.operation).toBe('GetRecords');
      expect(described.message).toMatch(/^Kinesis denied kinesis:GetRecords on stream shardline-test-/);
      expect(described.message).toContain('is not authorized to perform: kinesis:GetRecords');
      expect(described.hint).toBe(
        `Missing permission kinesis:GetRecords: reading the stream back needs kinesis:ListShards, kinesis:GetShardIterator, kinesis:GetRecords on ${stream.streamArn} for the IAM user or role of the sink's access key. Delivery keeps going without them (ListShards only lets it pace each shard on its own).`,
      );
    } finally {
      proxy.failRequests(null);
    }
  });

  it('shows an aggregated record as the messages inside it, each with its key and place', async () => {
    const messages = ['customer:1', 'customer:2', 'customer:3'].map((key, index) => ({
      partitionKey: key,
      data: Buffer.from(JSON.stringify({ id: key, index })),
    }));
    const [aggregated] = aggregateRecords(messages, { maxRecordBytes: 1024 * 1024 });
    await put([{ key: aggregated?.partitionKey ?? '', data: aggregated?.data ?? '' }]);

    const latest = await readLatestStreamRecords(connection(), { limit: 3 });
    // Newest first: the last message packed is the newest.
    expect(latest.records.map((record) => record.partitionKey)).toEqual([
      'customer:3',
      'customer:2',
      'customer:1',
    ]);
    const [last, , first] = latest.records;
    expect(first).toMatchObject({
      encoding: 'utf8',
      data: '{"id":"customer:1","index":0}',
      sizeBytes: messages[0]?.data.length,
      aggregate: { index: 0, count: 3, sizeBytes: aggregated?.data.length },
    });
    expect(last?.aggregate).toEqual({ index: 2, count: 3, sizeBytes: aggregated?.data.length });
    // One Kinesis record: same shard and sequence number for all three.
    expect(new Set(latest.records.map((record) => `${record.shardId}/${record.sequenceNumber}`)).size).toBe(
      1,
    );

    // A plain record is itself, even one that starts with the magic bytes without being an aggregate.
    const lookalike = Buffer.concat([KPL_MAGIC, Buffer.from('not a protobuf, no checksum')]);
    await put([{ key: 'lookalike', data: lookalike }]);
    const [plain] = (await readLatestStreamRecords(connection(), { limit: 1 })).records;
    expect(plain).toMatchObject({ partitionKey: 'lookalike', encoding: 'base64', aggregate: null });
    expect(Buffer.from(plain?.data ?? '', 'base64')).toEqual(lookalike);
  });

  it('says the stream is unknown, and that nothing answered at a dead endpoint', async () => {
    const missing = stream.streamArn.replace(/stream\/.+$/, 'stream/no-such-stream');
    const unknown = await readLatestStreamRecords(connection({ streamArn: missing }), { limit: 5 }).catch(
      (error: StreamReadError) => error.failure,
    );
    expect(unknown).toMatchObject({ code: 'ResourceNotFoundException', operation: 'ListShards' });
    expect((unknown as { hint: string }).hint).toMatch(/^Unknown stream: no stream named no-such-stream/);

    const dead = await readLatestStreamRecords(connection({ endpoint: 'http://127.0.0.1:1' }), {
      limit: 5,
    }).catch((error: StreamReadError) => error.failure);
    expect(dead).toMatchObject({ code: 'ECONNREFUSED', operation: 'ListShards' });
    expect((dead as { message: string }).message).not.toMatch(/retried/);
  });
});

import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { appendMessages, type Database } from '@shardline/db';
import { aggregateRecords } from '@shardline/kinesis';
import {
  createTestKinesisClient,
  createTestStream,
  deleteRedisKeys,
  type FaultProxy,
  redisUrl,
  startFaultProxy,
  type TestStream,
  testQueuePrefix,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProcess, engineEnv } from '../../engine/test/engine-process';
import { GET as readStreamRecords } from '../app/api/v1/sinks/[id]/stream-records/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { call, openApiHarness, TEST_SECRET_KEY } from './api-harness';
import { SECRET, sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

const DELIVERY_WAIT_MS = 60_000;
// The emulator accepts any keys; giving some keeps the SDK from looking for the host's own.
const KEYS = { accessKeyId: 'AKIAEMULATOR', secretAccessKey: SECRET };

let db: Database;
let close: () => Promise<void>;
let stream: TestStream;
let proxy: FaultProxy;
let engine: EngineProcess | undefined;
const queuePrefix = testQueuePrefix();

beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  stream = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
  proxy = await startFaultProxy({ target: kinesisEndpoint() });
});

afterAll(async () => {
  await engine?.stop();
  await proxy.stop();
  await close();
  await deleteRedisKeys(queuePrefix);
});

async function sinkId(overrides: Record<string, unknown>): Promise<string> {
  const answer = await call(createSink, { query: FORCE, body: sinkBody({ ...KEYS, ...overrides }) });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.sink.id;
}

function read(id: string, options: { limit?: string; as?: 'admin' | 'viewer' } = {}) {
  return call(readStreamRecords, {
    path: `/api/v1/sinks/${id}/stream-records`,
    params: { id },
    query: options.limit ? { limit: options.limit } : {},
    as: options.as ?? 'viewer',
  });
}

async function waitUntilDelivered(id: string, count: number): Promise<void> {
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  for (;;) {
    const { rows } = await db.pool.query<{ delivered: number }>(
      `SELECT count(*)::int AS delivered FROM message WHERE sink_id = $1 AND state = 'delivered'`,
      [id],
    );
    if ((rows[0]?.delivered ?? 0) >= count) return;
    if (Date.now() > deadline)
      throw new Error(`only ${rows[0]?.delivered} of ${count} delivered:\n${engine?.output.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('GET /api/v1/sinks/{id}/stream-records', () => {
  it('shows a viewer the records the engine delivered, with their data and partition keys', async () => {
    const id = await sinkId({ streamArn: stream.streamArn, endpoint: kinesisEndpoint() });
    const orders = [
      { id: 1, customer: 'Ada', status: 'paid' },
      { id: 2, customer: 'Grace', status: 'shipped' },
      { id: 3, customer: 'Edsger', status: 'pending' },
    ];
    await appendMessages(db, {
      sinkId: id,
      messages: orders.map((order, index) => ({
        commitLsn: BigInt(100 + index),
        commitIdx: 0,
        group: `order-${order.id}`,
        tableSchema: 'public',
        tableName: 'orders',
        action: 'insert',
        payload: { record: order, action: 'insert' },
      })),
    });
    engine = new EngineProcess({
      ...engineEnv({
        databaseUrl: process.env.DATABASE_URL ?? '',
        redisUrl: redisUrl(),
        queuePrefix,
        secretKey: TEST_SECRET_KEY,
      }),
      SHARDLINE_CAPTURE: 'false',
      SHARDLINE_REQUEST_TIMEOUT_MS: '3000',
    });
    await engine.start();
    await waitUntilDelivered(id, orders.length);

    const answer = await read(id);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, shardCount: 2, complete: true });
    const records = answer.body.records as Array<Record<string, unknown>>;
    expect(records.map((record) => record.partitionKey).sort()).toEqual(['order-1', 'order-2', 'order-3']);
    for (const record of records) {
      const order = orders.find((candidate) => `order-${candidate.id}` === record.partitionKey);
      expect(JSON.parse(record.data as string)).toEqual({ record: order, action: 'insert' });
      expect(record).toMatchObject({ encoding: 'utf8', truncated: false, aggregate: null });
      expect(record.shardId).toMatch(/^shardId-/);
      expect(Date.parse(record.arrivedAt as string)).toBeGreaterThan(Date.now() - 5 * 60_000);
    }
    // Where the message says it landed is where the record is.
    const { rows } = await db.pool.query<{ group_key: string; shard_id: string; sequence_number: string }>(
      'SELECT group_key, shard_id, sequence_number FROM message WHERE sink_id = $1',
      [id],
    );
    for (const row of rows) {
      expect(records).toContainEqual(
        expect.objectContaining({
          partitionKey: row.group_key,
          shardId: row.shard_id,
          sequenceNumber: row.sequence_number,
        }),
      );
    }
    expect(answer.text).not.toContain(SECRET);

    const newestOnly = await read(id, { limit: '1' });
    expect(newestOnly.body.records).toHaveLength(1);
  });

  it('shows the messages inside an aggregated record, each with its own partition key', async () => {
    const aggregatedStream = await createTestStream(kinesisEndpoint());
    const id = await sinkId({ streamArn: aggregatedStream.streamArn, endpoint: kinesisEndpoint() });
    const messages = ['order-7', 'order-8'].map((group) => ({
      partitionKey: group,
      data: Buffer.from(JSON.stringify({ record: { group }, action: 'insert' })),
    }));
    const [packed] = aggregateRecords(messages, { maxRecordBytes: 1024 * 1024 });
    const client = createTestKinesisClient(kinesisEndpoint());
    try {
      await client.send(
        new PutRecordsCommand({
          StreamARN: aggregatedStream.streamArn,
          Records: [{ PartitionKey: packed?.partitionKey, Data: packed?.data }],
        }),
      );
    } finally {
      client.destroy();
    }

    const answer = await read(id);
    expect(answer.status, answer.text).toBe(200);
    const records = answer.body.records as Array<Record<string, unknown>>;
    expect(records.map((record) => [record.partitionKey, JSON.parse(record.data as string)])).toEqual([
      ['order-8', { record: { group: 'order-8' }, action: 'insert' }],
      ['order-7', { record: { group: 'order-7' }, action: 'insert' }],
    ]);
    expect(records.map((record) => record.aggregate)).toEqual([
      { index: 1, count: 2, sizeBytes: packed?.data.length },
      { index: 0, count: 2, sizeBytes: packed?.data.length },
    ]);
  });

  it('says plainly which permission is missing when Kinesis denies the read', async () => {
    const id = await sinkId({ streamArn: stream.streamArn, endpoint: proxy.endpoint });
    proxy.failRequests((operation) =>
      operation === 'ListShards'
        ? {
            status: 400,
            body: {
              __type: 'AccessDeniedException',
              message: `User: arn:aws:iam::123456789012:user/deliverer is not authorized to perform: kinesis:ListShards on resource: ${stream.streamArn} because no identity-based policy allows the kinesis:ListShards action`,
            },
          }
        : null,
    );
    try {
      const answer = await read(id);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.ok).toBe(false);
      expect(answer.body.error).toMatchObject({ code: 'AccessDeniedException', operation: 'ListShards' });
      expect(answer.body.error.message).toMatch(
        new RegExp(`^Kinesis denied kinesis:ListShards on stream ${stream.streamName} \\(us-east-1\\)`),
      );
      expect(answer.body.error.hint).toMatch(/^Missing permission kinesis:ListShards: /);
      expect(answer.body.error.hint).toContain(
        `kinesis:ListShards, kinesis:GetShardIterator, kinesis:GetRecords on ${stream.streamArn}`,
      );
      expect(answer.text).not.toContain(SECRET);
    } finally {
      proxy.failRequests(null);
    }
  });

  it('refuses a limit out of range, naming it, and an unknown sink', async () => {
    const id = await sinkId({ streamArn: stream.streamArn, endpoint: kinesisEndpoint() });
    const tooMany = await read(id, { limit: '5000' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'invalid_input', field: 'limit' });
    expect(tooMany.body.error.message).toMatch(/limit must be a whole number from 1 to 200/);

    const unknown = await read('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(unknown.status).toBe(404);
  });
});

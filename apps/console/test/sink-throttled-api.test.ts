import { appendMessages, type Database, reportSinkThrottling } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApi } from '../app/api/v1/openapi.json/route';
import { GET as listMessages } from '../app/api/v1/sinks/[id]/messages/route';
import { GET as getSink } from '../app/api/v1/sinks/[id]/route';
import { GET as getStats } from '../app/api/v1/sinks/[id]/stats/route';
import { GET as listSinks } from '../app/api/v1/sinks/route';
import { call, openApiHarness } from './api-harness';
import { orderMessage, storedSinkId } from './stored-messages-fixture';

// Issue 17: a sink Kinesis throttles shows "throttled", never "failing", through the API; its
// throttled messages stay pending. The engines' reports are written as an engine writes them.
let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

const THROTTLE_CODE = 'ProvisionedThroughputExceededException';
const THROTTLE_MESSAGE =
  'Rate exceeded for shard shardId-000000000001 in stream orders under account 123456789012.';

async function throttledSink(): Promise<string> {
  const sinkId = await storedSinkId(db, 'throttled', {
    streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
  });
  await appendMessages(db, {
    sinkId,
    messages: [1, 2].map((lsn) => orderMessage(lsn, `order-${lsn}`, { payload: { id: lsn } })),
  });
  // As a throttled attempt leaves a message: still pending, its attempt and last error kept.
  const { rows } = await db.pool.query<{ id: string }>(
    `UPDATE message SET deliver_count = 1, last_error_code = $2, last_error_message = $3, last_error_at = now()
      WHERE sink_id = $1 RETURNING id`,
    [sinkId, THROTTLE_CODE, THROTTLE_MESSAGE],
  );
  for (const row of rows) {
    await db.pool.query(
      `INSERT INTO delivery_attempt (message_id, sink_id, attempt_number, trigger, error_code, error_message, duration_ms)
       VALUES ($1, $2, 1, 'scheduled', $3, $4, 12)`,
      [row.id, sinkId, THROTTLE_CODE, THROTTLE_MESSAGE],
    );
  }
  // Two engines send to it; one names both shards, the other the second only.
  await reportSinkThrottling(db, {
    sinkId: sinkId,
    engineId: 'engine-a',
    recordsPerSecond: 1_240,
    shardsAtLimit: ['shardId-000000000000', 'shardId-000000000001'],
    throttledRecords: 85,
  });
  await reportSinkThrottling(db, {
    sinkId: sinkId,
    engineId: 'engine-b',
    recordsPerSecond: 760,
    shardsAtLimit: ['shardId-000000000001'],
    throttledRecords: 3,
  });
  return sinkId;
}

describe('a sink Kinesis throttles, through the API', () => {
  let sinkId: string;
  beforeAll(async () => {
    sinkId = await throttledSink();
  });

  it('has the throttled status, with the rate, the shards at their limit and the fix', async () => {
    const answer = await call(getSink, { params: { id: sinkId } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.sink.health).toMatchObject({
      status: 'throttled',
      reason: 'throttled',
      summary:
        "Throttled by Kinesis: sending at 2,000 records/s, the stream's limit; shards shardId-000000000000 and shardId-000000000001 are at their limit. Messages wait their turn and are sent as fast as the stream takes them; none fails for it.",
      fix: 'Add shards to the stream, or switch the stream to on-demand capacity; until then, changes reach it late.',
    });
    expect(answer.body.sink.counts).toMatchObject({ pending: 2, failing: 0 });

    const list = await call(listSinks, {});
    const listed = list.body.sinks.find((sink: { id: string }) => sink.id === sinkId);
    expect(listed.health.status).toBe('throttled');
    expect(listed.counts.failing).toBe(0);
  });

  it('keeps its throttled messages pending, with their throttled attempts apart from failures', async () => {
    const failing = await call(listMessages, { params: { id: sinkId }, query: { state: 'failing' } });
    expect(failing.status, failing.text).toBe(200);
    expect(failing.body.messages).toEqual([]);
    const pending = await call(listMessages, { params: { id: sinkId }, query: { state: 'pending' } });
    expect(
      pending.body.messages.map((message: { lastError: { code: string } }) => message.lastError.code),
    ).toEqual([THROTTLE_CODE, THROTTLE_CODE]);

    const stats = await call(getStats, { params: { id: sinkId } });
    expect(stats.body.health.status).toBe('throttled');
    expect(stats.body.counts.failing).toBe(0);
    const minutes = stats.body.throughput as Array<{ failed: number; throttled: number }>;
    expect(minutes.reduce((sum, minute) => sum + minute.throttled, 0)).toBe(2);
    expect(minutes.reduce((sum, minute) => sum + minute.failed, 0)).toBe(0);
  });

  it('names the throttled status in the OpenAPI document', async () => {
    const { body } = await call(getOpenApi, { path: '/api/v1/openapi.json' });
    const described = body.paths['/api/v1/sinks/{id}'].get.description as string;
    expect(described).toContain('status: healthy|paused|not_capturing|failing|throttled|lagging|unverified');
    expect(body.paths['/api/v1/alerts'].get.description).toContain('sink_throttled');
  });
});

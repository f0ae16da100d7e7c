import { appendMessages, type Database, type IncomingMessage } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as pauseSink } from '../app/api/v1/sinks/[id]/pause/route';
import { POST as resumeSink } from '../app/api/v1/sinks/[id]/resume/route';
import { GET as getSink } from '../app/api/v1/sinks/[id]/route';
import { GET as getStats } from '../app/api/v1/sinks/[id]/stats/route';
import { POST as createSink, GET as listSinks } from '../app/api/v1/sinks/route';
import { call, openApiHarness, TEST_ACTOR } from './api-harness';
import { sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

async function createdSinkId(): Promise<string> {
  const answer = await call(createSink, { query: FORCE, body: sinkBody({ laneCount: 2 }) });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.sink.id;
}

function message(position: number): IncomingMessage {
  return {
    commitLsn: BigInt(1000 + position),
    commitIdx: 0,
    group: `order-${position}`,
    tableSchema: 'public',
    tableName: 'orders',
    action: 'insert',
    payload: { id: position },
  };
}

/** Stores `count` messages and answers their ids, oldest first. */
async function storeMessages(sinkId: string, count: number): Promise<string[]> {
  await appendMessages(db, { sinkId, messages: Array.from({ length: count }, (_, index) => message(index)) });
  const { rows } = await db.pool.query<{ id: string }>(
    'SELECT id FROM message WHERE sink_id = $1 ORDER BY commit_lsn',
    [sinkId],
  );
  return rows.map((row) => row.id);
}

async function sql(text: string, values: unknown[]): Promise<void> {
  await db.pool.query(text, values);
}

async function markDelivered(id: string, ago: string): Promise<void> {
  await sql(
    `UPDATE message SET state = 'delivered', delivered_at = now() - $2::interval, shard_id = 'shardId-000000000000',
            sequence_number = '1', deliver_count = 1 WHERE id = $1`,
    [id, ago],
  );
}

async function markFailing(sinkId: string, id: string, error: string, storedAgo: string): Promise<void> {
  await sql(
    `UPDATE message SET state = 'failing', deliver_count = 2, created_at = now() - $3::interval,
            last_error_code = 'AccessDeniedException', last_error_message = $2, last_error_at = now() WHERE id = $1`,
    [id, error, storedAgo],
  );
  for (const attempt of [1, 2]) {
    await sql(
      `INSERT INTO delivery_attempt (message_id, sink_id, attempt_number, trigger, error_code, error_message, duration_ms, attempted_at)
       VALUES ($1, $2, $3, 'scheduled', 'AccessDeniedException', $4, 12, now() - interval '3 minutes')`,
      [id, sinkId, attempt, error],
    );
  }
}

/** The minute (ISO) in which a stored time falls, read by the database like the stats are. */
async function minuteOf(query: string, values: unknown[]): Promise<string> {
  const { rows } = await db.pool.query<{ minute: Date }>(query, values);
  const minute = rows[0]?.minute;
  if (!minute) throw new Error('no row to take the minute of');
  return minute.toISOString();
}

describe('GET /api/v1/sinks/{id}/stats', () => {
  it('answers zeros, 60 empty minutes by default and not checked yet (never healthy) for a new sink', async () => {
    const sinkId = await createdSinkId();
    const answer = await call(getStats, { params: { id: sinkId } });
    expect(answer.status).toBe(200);
    expect(answer.body.health).toMatchObject({ status: 'unverified', reason: 'unverified', checkedAt: null });
    expect(answer.body.counts).toEqual({
      waiting: 0,
      sending: 0,
      pending: 0,
      inFlight: 0,
      failing: 0,
      delivered: 0,
      discarded: 0,
      deliveredLastHour: 0,
      // Messages the sink's filter dropped: a bigint, sent as a string.
      filteredCount: '0',
    });
    expect(answer.body.oldestFailingAgeMs).toBeNull();
    expect(answer.body.range).toBe('1h');
    expect(answer.body.bucketMinutes).toBe(1);
    expect(answer.body.throughput).toHaveLength(60);
    const minutes = answer.body.throughput.map((entry: { start: string }) => Date.parse(entry.start));
    for (let index = 1; index < minutes.length; index += 1) {
      expect(minutes[index] - minutes[index - 1]).toBe(60_000);
    }
    expect(Date.now() - minutes[59]).toBeLessThan(120_000);
  });

  it('counts stored messages by state, the last hour of deliveries and failed attempts, and the oldest failure', async () => {
    const sinkId = await createdSinkId();
    const [pending, inFlight, deliveredRecently, deliveredAlso, deliveredLongAgo, failing, discarded] =
      await storeMessages(sinkId, 7);
    await markDelivered(deliveredRecently as string, '5 minutes');
    await markDelivered(deliveredAlso as string, '5 minutes');
    await markDelivered(deliveredLongAgo as string, '2 hours');
    await markFailing(sinkId, failing as string, 'Kinesis denied access to stream orders', '10 minutes');
    await sql(
      `UPDATE message SET state = 'discarded', discarded_at = now(), discarded_by = 'console' WHERE id = $1`,
      [discarded],
    );
    // A request under way on lane 0, as the engine marks it.
    await sql(
      `UPDATE delivery_lane SET in_flight_ids = ARRAY[$2::int8], lease_token = gen_random_uuid(),
              lease_expires_at = now() + interval '1 minute' WHERE sink_id = $1 AND lane = 0`,
      [sinkId, inFlight],
    );
    expect(pending).toBeDefined();

    const answer = await call(getStats, { params: { id: sinkId } });
    expect(answer.status).toBe(200);
    const { body } = answer;
    expect(body.counts).toEqual({
      waiting: 2,
      sending: 1,
      pending: 2,
      inFlight: 1,
      failing: 1,
      delivered: 3,
      discarded: 1,
      deliveredLastHour: 2,
      filteredCount: '0',
    });
    expect(body.oldestFailingAgeMs).toBeGreaterThanOrEqual(600_000);
    expect(body.oldestFailingAgeMs).toBeLessThan(660_000);
    expect(body.health.status).toBe('failing');
    expect(body.health.reason).toBe('messages_failing');
    expect(body.health.summary).toBe(
      '1 message is failing; the latest error: Kinesis denied access to stream orders',
    );

    const deliveredMinute = await minuteOf(
      "SELECT date_trunc('minute', delivered_at) AS minute FROM message WHERE id = $1",
      [deliveredRecently],
    );
    const failedMinute = await minuteOf(
      "SELECT date_trunc('minute', attempted_at) AS minute FROM delivery_attempt WHERE message_id = $1 LIMIT 1",
      [failing],
    );
    const byMinute = new Map<string, { delivered: number; failed: number }>(
      body.throughput.map((entry: { start: string; delivered: number; failed: number }) => [
        new Date(entry.start).toISOString(),
        { delivered: entry.delivered, failed: entry.failed },
      ]),
    );
    expect(byMinute.get(deliveredMinute)?.delivered).toBe(2);
    expect(byMinute.get(failedMinute)?.failed).toBe(2);
    const totals = body.throughput.reduce(
      (sum: { delivered: number; failed: number }, entry: { delivered: number; failed: number }) => ({
        delivered: sum.delivered + entry.delivered,
        failed: sum.failed + entry.failed,
      }),
      { delivered: 0, failed: 0 },
    );
    // The delivery of two hours ago is outside the chart.
    expect(totals).toEqual({ delivered: 2, failed: 2 });
  });

  it('shows the same backlog and health in the sink list and the sink', async () => {
    const sinkId = await createdSinkId();
    const [first, second, third] = await storeMessages(sinkId, 4);
    await markFailing(sinkId, first as string, 'old error', '20 minutes');
    await sql("UPDATE message SET last_error_at = now() - interval '1 minute' WHERE id = $1", [first]);
    await markFailing(sinkId, second as string, 'the newest error', '5 minutes');
    await sql(
      `UPDATE delivery_lane SET in_flight_ids = ARRAY[$2::int8], lease_expires_at = now() + interval '1 minute'
        WHERE sink_id = $1 AND lane = 1`,
      [sinkId, third],
    );
    const list = await call(listSinks, {});
    const listed = list.body.sinks.find((sink: { id: string }) => sink.id === sinkId);
    expect(listed.counts).toEqual({
      waiting: 2,
      sending: 1,
      failing: 2,
      filteredCount: '0',
      pending: 2,
      inFlight: 1,
    });
    expect(listed.health).toMatchObject({
      status: 'failing',
      reason: 'messages_failing',
      summary: '2 messages are failing; the latest error: the newest error',
    });
    const one = await call(getSink, { params: { id: sinkId } });
    expect(one.body.sink.counts).toEqual(listed.counts);
    expect(one.body.sink.health).toEqual(listed.health);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const unknown = await call(getStats, { params: { id: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
    const malformed = await call(getStats, { params: { id: 'orders' } });
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.message).toMatch(/sink ids are UUIDs/);
  });
});

describe('POST /api/v1/sinks/{id}/pause and /resume', () => {
  it('pauses delivery, shown in the health of the sink and in the list, and resumes it', async () => {
    const sinkId = await createdSinkId();
    const paused = await call(pauseSink, { params: { id: sinkId } });
    expect(paused.status).toBe(200);
    expect(paused.body.sink.pausedBy).toBe(TEST_ACTOR);
    expect(Date.parse(paused.body.sink.pausedAt)).not.toBeNaN();
    expect(paused.body.sink.health.status).toBe('paused');
    expect(paused.body.sink.health.reason).toBe('paused');
    expect(paused.body.sink.health.summary).toMatch(
      new RegExp(`paused by ${TEST_ACTOR}.*messages are stored and wait until it resumes`),
    );

    const list = await call(listSinks, {});
    const listed = list.body.sinks.find((sink: { id: string }) => sink.id === sinkId);
    expect(listed.health.status).toBe('paused');
    const stats = await call(getStats, { params: { id: sinkId } });
    expect(stats.body.health.status).toBe('paused');

    const resumed = await call(resumeSink, { params: { id: sinkId } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.sink).toMatchObject({
      pausedAt: null,
      pausedBy: null,
      health: expect.objectContaining({ status: 'unverified' }),
    });
  });

  it('stays paused rather than failing while messages fail, and says how many fail', async () => {
    const sinkId = await createdSinkId();
    const [id] = await storeMessages(sinkId, 1);
    await markFailing(sinkId, id as string, 'boom', '1 minute');
    const paused = await call(pauseSink, { params: { id: sinkId } });
    expect(paused.body.sink.health.status).toBe('paused');
    expect(paused.body.sink.health.summary).toMatch(/1 message is failing$/);
    // Paused shows first, and the failing messages are still listed.
    expect(paused.body.sink.health.problems.map((problem: { code: string }) => problem.code)).toContain(
      'messages_failing',
    );
    const resumed = await call(resumeSink, { params: { id: sinkId } });
    expect(resumed.body.sink.health).toMatchObject({
      status: 'failing',
      reason: 'messages_failing',
      summary: '1 message is failing; the latest error: boom',
    });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const handler of [pauseSink, resumeSink]) {
      expect((await call(handler, { params: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(
        404,
      );
      expect((await call(handler, { params: { id: 'x' } })).status).toBe(404);
    }
  });
});

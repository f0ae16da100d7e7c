import type { Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getStats } from '../app/api/v1/sinks/[id]/stats/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { call, openApiHarness } from './api-harness';
import { sinkBody } from './sinks-fixtures';
import { storeDeliveredMessages } from './stored-messages-fixture';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

interface Bucket {
  start: string;
  delivered: number;
  failed: number;
  throttled: number;
}

async function createdSinkId(): Promise<string> {
  const answer = await call(createSink, { query: { force: 'true' }, body: sinkBody() });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.sink.id;
}

/** Stores one message per entry, delivered that long ago (a Postgres interval). */
function deliveredAgo(sinkId: string, agos: string[]): Promise<void> {
  return storeDeliveredMessages(
    db,
    sinkId,
    agos.map((ago) => ({ ago })),
  );
}

/** A failed and a throttled attempt, that long ago. */
async function attemptsAgo(sinkId: string, ago: string): Promise<void> {
  const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM message WHERE sink_id = $1 LIMIT 1', [
    sinkId,
  ]);
  for (const [number, code] of [
    [1, 'AccessDeniedException'],
    [2, 'ProvisionedThroughputExceededException'],
  ] as const) {
    await db.pool.query(
      `INSERT INTO delivery_attempt (message_id, sink_id, attempt_number, trigger, error_code, error_message, duration_ms, attempted_at)
       VALUES ($1, $2, $3, 'scheduled', $4, 'refused', 5, now() - $5::interval)`,
      [rows[0]?.id, sinkId, number, code, ago],
    );
  }
}

function totals(buckets: Bucket[]) {
  return buckets.reduce(
    (sum, bucket) => ({
      delivered: sum.delivered + bucket.delivered,
      failed: sum.failed + bucket.failed,
      throttled: sum.throttled + bucket.throttled,
    }),
    { delivered: 0, failed: 0, throttled: 0 },
  );
}

function stepsOf(buckets: Bucket[]): Set<number> {
  const starts = buckets.map((bucket) => Date.parse(bucket.start));
  return new Set(starts.slice(1).map((start, index) => start - (starts[index] as number)));
}

describe('GET /api/v1/sinks/{id}/stats?range=', () => {
  it('counts in minutes for an hour, quarter hours for a day and hours for a week', async () => {
    const sinkId = await createdSinkId();
    await deliveredAgo(sinkId, ['5 minutes', '5 minutes', '3 hours', '2 days', '10 days']);
    await attemptsAgo(sinkId, '20 hours');

    const expected = [
      { range: '1h', bucketMinutes: 1, length: 60, totals: { delivered: 2, failed: 0, throttled: 0 } },
      { range: '24h', bucketMinutes: 15, length: 96, totals: { delivered: 3, failed: 1, throttled: 1 } },
      { range: '7d', bucketMinutes: 60, length: 168, totals: { delivered: 4, failed: 1, throttled: 1 } },
    ];
    for (const want of expected) {
      const answer = await call(getStats, { params: { id: sinkId }, query: { range: want.range } });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.range).toBe(want.range);
      expect(answer.body.bucketMinutes).toBe(want.bucketMinutes);
      const buckets = answer.body.throughput as Bucket[];
      expect(buckets).toHaveLength(want.length);
      expect(stepsOf(buckets)).toEqual(new Set([want.bucketMinutes * 60_000]));
      // The current bucket is last, and buckets fall on whole multiples of their width.
      const last = Date.parse(buckets.at(-1)?.start ?? '');
      expect(Date.now() - last).toBeLessThan(want.bucketMinutes * 60_000 + 60_000);
      expect(last % (want.bucketMinutes * 60_000)).toBe(0);
      expect(totals(buckets)).toEqual(want.totals);
      // The counter stays the last hour's, whatever the chart shows.
      expect(answer.body.counts.deliveredLastHour).toBe(2);
    }
  });

  it('refuses an unknown range with a 400 naming it and the ranges there are', async () => {
    const sinkId = await createdSinkId();
    for (const range of ['30d', '', '1H']) {
      const answer = await call(getStats, { params: { id: sinkId }, query: { range } });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'invalid_input', field: 'range' });
      expect(answer.body.error.message).toMatch(/range must be one of 1h, 24h, 7d/);
    }
  });
});

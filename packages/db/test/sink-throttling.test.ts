import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, deleteSink, listSinkHealth, listSinkThrottling, reportSinkThrottling } from '../src';
import { createTestSink, openTestDatabase } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

const SHARD_0 = 'shardId-000000000000';
const SHARD_1 = 'shardId-000000000001';

/** Moves an engine's report of a sink `ms` into the past, as if that much time had gone by since. */
async function age(sinkId: string, engineId: string, ms: number) {
  await db.pool.query(
    `UPDATE sink_throttling
        SET reported_at = reported_at - make_interval(secs => $3 / 1000.0),
            throttled_since = throttled_since - make_interval(secs => $3 / 1000.0)
      WHERE sink_id = $1 AND engine_id = $2`,
    [sinkId, engineId, ms],
  );
}

const throttledReport = (sinkId: string, engineId: string, extra: Record<string, unknown> = {}) =>
  reportSinkThrottling(db, {
    sinkId,
    engineId,
    recordsPerSecond: 500,
    shardsAtLimit: [SHARD_0],
    throttledRecords: 40,
    ...extra,
  });

describe('reportSinkThrottling and listSinkThrottling', () => {
  it('sums the engines sending to a sink: rates added, shards united, the earliest spell', async () => {
    const sink = await createTestSink(db);
    const other = await createTestSink(db);
    await throttledReport(sink.id, 'engine-a', { shardsAtLimit: [SHARD_1, SHARD_0] });
    await age(sink.id, 'engine-a', 10_000);
    await throttledReport(sink.id, 'engine-b', {
      recordsPerSecond: 480.5,
      shardsAtLimit: [SHARD_1],
      throttledRecords: 2,
    });

    const throttling = await listSinkThrottling(db);
    const found = throttling.get(sink.id);
    expect(found).toMatchObject({
      recordsPerSecond: 980.5,
      shardsAtLimit: [SHARD_0, SHARD_1],
      throttledRecords: 42,
    });
    expect(found?.forMs).toBeGreaterThanOrEqual(10_000);
    expect(throttling.has(other.id)).toBe(false);

    const health = (await listSinkHealth(db, { sinkIds: [sink.id] })).get(sink.id);
    const throttledProblem = health?.problems.find((problem) => problem.code === 'throttled');
    expect(throttledProblem?.sentence).toBe(
      `Throttled by Kinesis: sending at 981 records/s, the stream's limit; shards ${SHARD_0} and ${SHARD_1} are at their limit. Messages wait their turn and are sent as fast as the stream takes them; none fails for it.`,
    );
    expect(throttledProblem?.fix).toMatch(/^Add shards to the stream, or switch the stream to on-demand/);
    const otherHealth = (await listSinkHealth(db, { sinkIds: [other.id] })).get(other.id);
    expect(otherHealth?.problems.map((problem) => problem.code)).not.toContain('throttled');
  });

  it('keeps a spell from its start while the engine reports it, and ends it with the report that it cleared', async () => {
    const sink = await createTestSink(db);
    await throttledReport(sink.id, 'engine-a');
    await age(sink.id, 'engine-a', 20_000);
    await throttledReport(sink.id, 'engine-a', { recordsPerSecond: 510, throttledRecords: 7 });
    const going = (await listSinkThrottling(db, { sinkIds: [sink.id] })).get(sink.id);
    expect(going).toMatchObject({ recordsPerSecond: 510, shardsAtLimit: [SHARD_0], throttledRecords: 7 });
    expect(going?.forMs).toBeGreaterThanOrEqual(20_000);

    // The engine's report that it cleared (nothing throttled in its last 30 s).
    await reportSinkThrottling(db, {
      sinkId: sink.id,
      engineId: 'engine-a',
      recordsPerSecond: 900,
      shardsAtLimit: [],
      throttledRecords: 0,
    });
    expect((await listSinkThrottling(db, { sinkIds: [sink.id] })).has(sink.id)).toBe(false);
    const health = (await listSinkHealth(db, { sinkIds: [sink.id] })).get(sink.id);
    expect(health?.problems.map((problem) => problem.code)).not.toContain('throttled');

    // Throttled again: a new spell, from now.
    await throttledReport(sink.id, 'engine-a');
    const again = (await listSinkThrottling(db, { sinkIds: [sink.id] })).get(sink.id);
    expect(again?.forMs).toBeLessThan(20_000);
  });

  it('starts a new spell when an engine reports again after a silence', async () => {
    const sink = await createTestSink(db);
    await throttledReport(sink.id, 'engine-a');
    await age(sink.id, 'engine-a', 120_000);
    await throttledReport(sink.id, 'engine-a');
    const spell = (await listSinkThrottling(db, { sinkIds: [sink.id] })).get(sink.id);
    expect(spell?.forMs).toBeLessThan(30_000);
  });

  it('forgets the report of an engine that stopped reporting', async () => {
    const sink = await createTestSink(db);
    await throttledReport(sink.id, 'engine-gone');
    await age(sink.id, 'engine-gone', 31_000);
    expect((await listSinkThrottling(db, { sinkIds: [sink.id] })).has(sink.id)).toBe(false);
    // The next report of another engine removes it.
    await throttledReport(sink.id, 'engine-new', { recordsPerSecond: 250 });
    const rows = await db.pool.query('SELECT engine_id FROM sink_throttling WHERE sink_id = $1', [sink.id]);
    expect(rows.rows).toEqual([{ engine_id: 'engine-new' }]);
    expect((await listSinkThrottling(db, { sinkIds: [sink.id] })).get(sink.id)?.recordsPerSecond).toBe(250);
  });

  it('ignores a report for a deleted sink, and deletes the reports with their sink', async () => {
    const sink = await createTestSink(db);
    await throttledReport(sink.id, 'engine-a');
    await deleteSink(db, { sinkId: sink.id });
    const left = await db.pool.query('SELECT 1 FROM sink_throttling WHERE sink_id = $1', [sink.id]);
    expect(left.rowCount).toBe(0);
    await expect(throttledReport(sink.id, 'engine-a')).resolves.toBeUndefined();
    expect((await listSinkThrottling(db)).has(sink.id)).toBe(false);
  });

  it('refuses a report that makes no sense, naming the field', async () => {
    const sink = await createTestSink(db);
    await expect(throttledReport(sink.id, 'engine-a', { recordsPerSecond: -1 })).rejects.toThrow(
      /recordsPerSecond/,
    );
    await expect(throttledReport(sink.id, 'engine-a', { throttledRecords: 1.5 })).rejects.toThrow(
      /throttledRecords/,
    );
    await expect(throttledReport('not-a-sink', 'engine-a')).rejects.toThrow(/sinkId/);
  });
});

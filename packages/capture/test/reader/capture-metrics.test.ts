import { pauseBackfill, resumeBackfill, startBackfill } from '@shardline/db';
import { createEngineMetrics, registerDatabaseGauges } from '@shardline/metrics';
import { parsePrometheusText, sampleValue } from '@shardline/testing';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForBackfill } from '../backfill/backfill-helpers';
import { type CaptureTestContext, setupCaptureTest } from '../harness';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

const ORDERS = `
  CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);
  INSERT INTO orders SELECT g, 'old' FROM generate_series(1, 40) AS g;
`;

/** The engine's metrics on a registry of this test's own, with the database gauges beside them. */
function testMetrics() {
  const registry = new Registry();
  const metrics = createEngineMetrics(registry);
  registerDatabaseGauges({
    db: ctx.db,
    registry,
    onError: (error) => {
      throw error;
    },
  });
  return { metrics, scrape: async () => parsePrometheusText(await registry.metrics()) };
}

async function storedCount(sinkId: string): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ count: string }>(
    'SELECT count(*) AS count FROM message WHERE sink_id = $1',
    [sinkId],
  );
  return Number(rows[0]?.count);
}

describe('capture metrics', () => {
  it("count the changes and backfilled rows stored per sink, and report the source's lag while it is read", async () => {
    ctx = await setupCaptureTest({ schemaSql: ORDERS, sinks: [{ tables: [{ name: 'orders' }] }] });
    const { metrics, scrape } = testMetrics();
    const capture = ctx.startCapture({ metrics, backfill: { pollIntervalMs: 100 } });
    await ctx.waitUntilReading();
    const sinkId = ctx.sinks[0]?.sink.id ?? '';
    const source = { source_id: ctx.source.id };

    await ctx.sql(`INSERT INTO orders SELECT g, 'new' FROM generate_series(41, 43) AS g`);
    await ctx.sql(`UPDATE orders SET status = 'shipped' WHERE id = 1`);
    await ctx.waitForStored(4);
    const { id } = await startBackfill(ctx.db, { sinkId });
    await waitForBackfill(ctx, id, (backfill) => backfill.state === 'done');

    // 3 inserts and an update, then the 43 rows read by the backfill.
    expect(await storedCount(sinkId)).toBe(47);
    expect(sampleValue(await scrape(), 'shardline_messages_ingested_total', { sink_id: sinkId })).toBe(47);
    // Caught up: nothing read is unstored, and the slot is acknowledged up to the server's WAL.
    await expect
      .poll(async () => {
        const samples = await scrape();
        return [
          sampleValue(samples, 'shardline_replication_lag_bytes', source),
          sampleValue(samples, 'shardline_replication_lag_seconds', source),
        ];
      })
      .toEqual([0, 0]);

    // Another engine reads the source next: this one stops reporting its lag.
    await capture.stop();
    const samples = await scrape();
    expect(sampleValue(samples, 'shardline_replication_lag_bytes', source)).toBeUndefined();
    expect(sampleValue(samples, 'shardline_replication_lag_seconds', source)).toBeUndefined();
  });

  it("report an unfinished backfill's rows done and estimate, and drop them once it is done", async () => {
    ctx = await setupCaptureTest({ schemaSql: ORDERS, sinks: [{ tables: [{ name: 'orders' }] }] });
    const { metrics, scrape } = testMetrics();
    ctx.startCapture({ metrics, backfill: { pageSize: 5, pollIntervalMs: 100 } });
    const sinkId = ctx.sinks[0]?.sink.id ?? '';
    const { id } = await startBackfill(ctx.db, { sinkId });
    await waitForBackfill(ctx, id, (backfill) => backfill.rowsDone >= 5);
    const paused = await pauseBackfill(ctx.db, { backfillId: id });
    // A page under way when paused is dropped: the stored progress is the truth.
    const progress = await waitForBackfill(ctx, id, (backfill) => backfill.state === 'paused');

    const labels = { backfill_id: id, sink_id: sinkId };
    const samples = await scrape();
    expect(sampleValue(samples, 'shardline_backfill_rows_done', labels)).toBe(progress.rowsDone);
    expect(progress.rowsTotalEstimate).not.toBeNull();
    expect(sampleValue(samples, 'shardline_backfill_rows_estimated', labels)).toBe(
      progress.rowsTotalEstimate,
    );
    expect(paused.rowsDone).toBeLessThan(40);

    await resumeBackfill(ctx.db, { backfillId: id });
    await waitForBackfill(ctx, id, (backfill) => backfill.state === 'done');
    const after = await scrape();
    expect(sampleValue(after, 'shardline_backfill_rows_done', labels)).toBeUndefined();
    expect(sampleValue(after, 'shardline_backfill_rows_estimated', labels)).toBeUndefined();
  });
});

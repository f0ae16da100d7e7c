import { getBackfill, startBackfill, storeBackfillPage } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../harness';
import { storedReads, waitForBackfill } from './backfill-helpers';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

const ROWS = 8_000;

describe('backfill across an engine restart', () => {
  it('carries on from the stored cursor and stores no row twice', async () => {
    ctx = await setupCaptureTest({
      schemaSql: `
        CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);
        INSERT INTO items SELECT g, 'row ' || g FROM generate_series(1, ${ROWS}) AS g;`,
      sinks: [{ tables: [{ name: 'items' }] }],
    });
    const settings = { backfill: { pageSize: 100, pollIntervalMs: 100 } };
    const first = ctx.startCapture(settings);
    const { id } = await startBackfill(ctx.db, { sinkId: ctx.sinks[0]?.sink.id ?? '' });
    await waitForBackfill(ctx, id, (b) => b.rowsDone >= 1_000);
    // Stopped while pages are being read and stored.
    await first.stop();
    const atStop = await getBackfill(ctx.db, { backfillId: id });
    expect(atStop.state).toBe('running');
    expect(atStop.rowsDone).toBeLessThan(ROWS);
    expect(await storedReads(ctx, id)).toHaveLength(atStop.rowsDone);

    ctx.startCapture(settings);
    const done = await waitForBackfill(ctx, id, (b) => b.state === 'done');
    expect(done.rowsDone).toBe(ROWS);
    const reads = await storedReads(ctx, id);
    expect(reads.map((read) => read.payload.record.id)).toEqual(
      Array.from({ length: ROWS }, (_, i) => i + 1),
    );

    // Two engines racing for one page: only the first store counts.
    const stale = atStop.tables;
    const next = stale.map((table) => ({ ...table, after: ['1'] }));
    await expect(
      storeBackfillPage(ctx.db, { backfillId: id, sinkId: done.sinkId, expected: stale, next, messages: [] }),
    ).resolves.toBe(false);
    expect((await getBackfill(ctx.db, { backfillId: id })).rowsDone).toBe(ROWS);
  });
});

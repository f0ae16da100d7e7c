import { cancelBackfill, listBackfills, pauseBackfill, resumeBackfill, startBackfill } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../harness';
import { storedReads, waitForBackfill } from './backfill-helpers';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

const SCHEMA = `
  CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);
  INSERT INTO items SELECT g, 'row ' || g FROM generate_series(1, 10000) AS g;
`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backfill control', () => {
  it('stops progress on pause, continues on resume, and ends for good on cancel', async () => {
    ctx = await setupCaptureTest({ schemaSql: SCHEMA, sinks: [{ tables: [{ name: 'items' }] }] });
    ctx.startCapture({ backfill: { pageSize: 50, pollIntervalMs: 100 } });
    const sinkId = ctx.sinks[0]?.sink.id ?? '';
    const { id } = await startBackfill(ctx.db, { sinkId });
    await expect(startBackfill(ctx.db, { sinkId })).rejects.toThrow(/already has a running backfill/);

    await waitForBackfill(ctx, id, (b) => b.rowsDone > 0);
    const paused = await pauseBackfill(ctx.db, { backfillId: id });
    expect(paused.state).toBe('paused');
    await sleep(500);
    const atPause = (await listBackfills(ctx.db, { sinkId }))[0];
    expect(atPause).toMatchObject({ id, state: 'paused' });
    await sleep(1_000);
    const later = (await listBackfills(ctx.db, { sinkId }))[0];
    expect(later?.rowsDone).toBe(atPause?.rowsDone);
    expect(later?.rowsDone).toBeLessThan(10_000);
    // What is stored is exactly what the progress says: a page read during the pause was dropped.
    expect(await storedReads(ctx, id)).toHaveLength(later?.rowsDone ?? -1);
    await expect(pauseBackfill(ctx.db, { backfillId: id })).rejects.toThrow(
      /is paused: only a running backfill can be paused/,
    );
    await expect(startBackfill(ctx.db, { sinkId })).rejects.toThrow(/already has a paused backfill/);

    expect((await resumeBackfill(ctx.db, { backfillId: id })).state).toBe('running');
    await waitForBackfill(ctx, id, (b) => b.rowsDone > (later?.rowsDone ?? 0));
    const cancelled = await cancelBackfill(ctx.db, { backfillId: id });
    expect(cancelled).toMatchObject({ state: 'cancelled' });
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    await sleep(1_000);
    const after = (await listBackfills(ctx.db, { sinkId }))[0];
    expect(after).toMatchObject({ state: 'cancelled' });
    expect(after?.rowsDone).toBeLessThan(10_000);
    await sleep(500);
    expect((await listBackfills(ctx.db, { sinkId }))[0]?.rowsDone).toBe(after?.rowsDone);
    expect(await storedReads(ctx, id)).toHaveLength(after?.rowsDone ?? -1);
    await expect(resumeBackfill(ctx.db, { backfillId: id })).rejects.toThrow(
      /is cancelled: only a paused or failed backfill can be resumed/,
    );

    // A cancelled backfill no longer blocks a new one, which starts from the beginning.
    const second = await startBackfill(ctx.db, { sinkId });
    const done = await waitForBackfill(ctx, second.id, (b) => b.state === 'done');
    expect(done.rowsDone).toBe(10_000);
    const reads = await storedReads(ctx, second.id);
    expect(reads.map((read) => read.payload.record.id)).toEqual(
      Array.from({ length: 10_000 }, (_, i) => i + 1),
    );
  });
});

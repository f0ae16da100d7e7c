import { startBackfill } from '@shardline/db';
import { type NoopKinesis, startNoopKinesis } from '@shardline/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../harness';
import { lastRecordPerGroup, waitAllDelivered, waitForBackfill } from './backfill-helpers';

let ctx: CaptureTestContext | undefined;
let recorder: NoopKinesis | undefined;
afterEach(async () => {
  // Cleared first, so a test that times out before its own setup never cleans up another's.
  const [context, recording] = [ctx, recorder];
  [ctx, recorder] = [undefined, undefined];
  await context?.cleanup();
  await recording?.stop();
});

const ROWS = 100_000;

/**
 * Updates random rows until stopped, as an application would: a few rows per transaction, some
 * transactions held open a moment, so writers and the backfill's locked pages wait on each other.
 */
function startWriter(url: string): { stop(): Promise<number> } {
  const client = new pg.Client({ connectionString: url, application_name: 'backfill-test-writer' });
  let stopping = false;
  let updates = 0;
  const loop = (async () => {
    await client.connect();
    while (!stopping) {
      const ids = Array.from({ length: 4 }, () => 1 + Math.floor(Math.random() * ROWS));
      await client.query('BEGIN');
      for (const id of ids) {
        await client.query(
          `UPDATE items SET version = version + 1, label = md5(random()::text) WHERE id = $1`,
          [id],
        );
      }
      if (updates % 40 === 0) await client.query('SELECT pg_sleep(0.02)');
      await client.query('COMMIT');
      updates += ids.length;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await client.end();
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
      return updates;
    },
  };
}

describe('backfill while rows change', () => {
  it('ends every row with its current state as the last record of its group', async () => {
    // kinesis-local slows to a few dozen records a second once a stream holds tens of thousands:
    // this sink sends to a recording endpoint, which keeps the records in the order they came.
    const recording = await startNoopKinesis({ keepRecords: true });
    recorder = recording;
    ctx = await setupCaptureTest({
      schemaSql: `
        CREATE TABLE items (id int PRIMARY KEY, version int NOT NULL, label text NOT NULL);
        INSERT INTO items SELECT g, 0, 'initial' FROM generate_series(1, ${ROWS}) AS g;`,
      sinks: [{ tables: [{ name: 'items' }] }],
      endpoint: recording.endpoint,
    });
    ctx.startCapture({ backfill: { pageSize: 1_000, pollIntervalMs: 100 } });
    await ctx.startDelivery();
    // Changes flow before, during and after the backfill.
    await ctx.waitUntilReading();
    const writer = startWriter(ctx.sourceUrl);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const backfill = await startBackfill(ctx.db, { sinkId: ctx.sinks[0]?.sink.id ?? '' });
    const done = await waitForBackfill(ctx, backfill.id, (b) => b.state === 'done', 240_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const updates = await writer.stop();
    expect(done.rowsDone).toBe(ROWS);
    expect(updates).toBeGreaterThan(100);

    const rows = await ctx.sql<{ id: number; version: number; label: string }>(
      'SELECT id, version, label FROM items',
    );
    // Wait until the reader has stored the writer's last changes, then until all went out.
    await ctx.waitForStored(ROWS + updates, 0, 120_000);
    const total = await waitAllDelivered(ctx, 0, 120_000);
    const records = recording.records();
    expect(records.length).toBeGreaterThanOrEqual(total);
    const last = lastRecordPerGroup(records);

    const stale = rows.filter((row) => {
      const record = last.get(String(row.id))?.record;
      return record?.version !== row.version || record?.label !== row.label;
    });
    expect({ stale: stale.length, examples: stale.slice(0, 3) }).toEqual({ stale: 0, examples: [] });
    expect(last.size).toBe(ROWS);

    // The race was real: some rows changed after their read went out, others before it.
    const actionsByGroup = new Map<string, string[]>();
    for (const record of records) {
      const actions = actionsByGroup.get(record.partitionKey) ?? [];
      actions.push(JSON.parse(record.data).action);
      actionsByGroup.set(record.partitionKey, actions);
    }
    const groups = [...actionsByGroup.values()];
    expect(
      groups.filter((actions) => actions.at(-1) === 'update' && actions.includes('read')).length,
    ).toBeGreaterThan(0);
    expect(
      groups.filter((actions) => actions[0] === 'update' && actions.includes('read')).length,
    ).toBeGreaterThan(0);
  }, 300_000);

  it('gives way to an application transaction holding its rows, which is never made to fail', async () => {
    ctx = await setupCaptureTest({
      schemaSql: `
        CREATE TABLE items (id int PRIMARY KEY, version int NOT NULL, label text NOT NULL);
        INSERT INTO items SELECT g, 0, 'initial' FROM generate_series(1, 50) AS g;`,
      sinks: [{ tables: [{ name: 'items' }] }],
    });
    ctx.startCapture({ backfill: { pageSize: 20, pollIntervalMs: 100 } });
    await ctx.waitUntilReading();
    const app = new pg.Client({ connectionString: ctx.sourceUrl });
    await app.connect();
    let backfillId = '';
    try {
      await app.query('BEGIN');
      await app.query(`UPDATE items SET version = 1 WHERE id = 10`);
      backfillId = (await startBackfill(ctx.db, { sinkId: ctx.sinks[0]?.sink.id ?? '' })).id;
      const waiting = await waitForBackfill(ctx, backfillId, (b) => b.lastError !== null);
      expect(waiting).toMatchObject({ state: 'running', rowsDone: 0 });
      expect(waiting.lastError).toMatch(
        /^reading public\.items failed, trying again shortly: .*lock timeout/,
      );
      // Rows 1 to 9 come before 10 in the page: taking one of them while the page waits for
      // row 10 would deadlock if the page did not give way first.
      await app.query(`UPDATE items SET version = 1 WHERE id = 5`);
      await app.query('COMMIT');
    } finally {
      await app.end();
    }
    const done = await waitForBackfill(ctx, backfillId, (b) => b.state === 'done');
    expect(done).toMatchObject({ rowsDone: 50, lastError: null });
    await ctx.waitForStored(52);
    const stored = await ctx.stored();
    // Both changes committed before their rows were read: they come first, the reads show them.
    const ofRow = (id: number) =>
      stored
        .filter((m) => m.payload.record.id === id)
        .map((m) => [m.payload.action, m.payload.record.version]);
    expect(ofRow(5)).toEqual([
      ['update', 1],
      ['read', 1],
    ]);
    expect(ofRow(10)).toEqual([
      ['update', 1],
      ['read', 1],
    ]);
  });
});

import { startBackfill } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../harness';
import { storedReads, waitAllDelivered, waitForBackfill } from './backfill-helpers';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

const SCHEMA = `
  CREATE TABLE items (id int PRIMARY KEY, flag boolean NOT NULL, price numeric NOT NULL, tags text[], data jsonb, code char(4));
  INSERT INTO items
    SELECT g, g % 2 = 0, g / 4.0, ARRAY['t' || g], jsonb_build_object('n', g), 'c'
      FROM generate_series(1, 3000) AS g;
  CREATE TABLE lines (order_id int, line int, qty int NOT NULL, PRIMARY KEY (order_id, line));
  INSERT INTO lines SELECT g / 10, g % 10, g FROM generate_series(100, 599) AS g;
`;

describe('backfill', () => {
  it('sends every existing row once as a `read`, in primary-key order per table, and reports progress to done', async () => {
    ctx = await setupCaptureTest({
      schemaSql: SCHEMA,
      sinks: [{ tables: [{ name: 'items' }, { name: 'lines' }] }],
    });
    ctx.startCapture({ backfill: { pageSize: 700, pollIntervalMs: 100 } });
    await ctx.startDelivery();
    const sinkId = ctx.sinks[0]?.sink.id ?? '';
    const started = await startBackfill(ctx.db, { sinkId });
    expect(started).toMatchObject({ state: 'running', rowsDone: 0, percent: null });
    expect(started.tables.map((table) => table.name)).toEqual(['items', 'lines']);

    const done = await waitForBackfill(ctx, started.id, (backfill) => backfill.state === 'done');
    expect(done).toMatchObject({ rowsDone: 3500, rowsTotalEstimate: 3500, percent: 100, lastError: null });
    expect(done.rowsPerSecond).toBeGreaterThan(0);
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.tables.map((table) => [table.name, table.done, table.rowsDone])).toEqual([
      ['items', true, 3000],
      ['lines', true, 500],
    ]);

    const reads = await storedReads(ctx, started.id);
    expect(reads).toHaveLength(3500);
    const items = reads.filter((read) => read.payload.metadata.table_name === 'items');
    const lines = reads.filter((read) => read.payload.metadata.table_name === 'lines');
    // Tables one after another, each in primary-key order.
    expect(reads.slice(0, 3000)).toEqual(items);
    expect(items.map((read) => read.payload.record.id)).toEqual(
      Array.from({ length: 3000 }, (_, i) => i + 1),
    );
    expect(lines.map((read) => [read.payload.record.order_id, read.payload.record.line])).toEqual(
      Array.from({ length: 500 }, (_, i) => [Math.floor((i + 100) / 10), (i + 100) % 10]),
    );
    expect(lines[0]?.group).toBe('10:0');

    const first = items[0]?.payload;
    expect(first).toMatchObject({
      // Values as the reader decodes them: a boolean, a number, an array, nested JSON, padded char.
      record: { id: 1, flag: false, price: 0.25, tags: ['t1'], data: { n: 1 }, code: 'c   ' },
      changes: null,
      action: 'read',
      metadata: {
        table_schema: 'public',
        table_name: 'items',
        commit_idx: 0,
        record_pks: ['1'],
        idempotency_key: Buffer.from(`${started.id}:1`).toString('base64'),
        consumer: { id: sinkId, name: 'sink-0', annotations: {} },
      },
    });
    expect(first?.metadata.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(typeof first?.metadata.database_name).toBe('string');
    expect(lines[0]?.payload.metadata.idempotency_key).toBe(
      Buffer.from(`${started.id}:10:0`).toString('base64'),
    );

    await waitAllDelivered(ctx);
    const records = (await ctx.sinks[0]?.readStream(3500)) ?? [];
    const delivered = new Map(
      records.map((record) => [JSON.parse(record.data).metadata.idempotency_key, record]),
    );
    expect(delivered.size).toBe(3500);
    const sample = delivered.get(first?.metadata.idempotency_key ?? '');
    expect(sample?.partitionKey).toBe('1');
    expect(JSON.parse(sample?.data ?? '{}')).toEqual(first);
  });
});

import { listSourceEvents } from '@shardline/db';
import { type NoopKinesis, startNoopKinesis } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../harness';

let ctx: CaptureTestContext;
let recorder: NoopKinesis | undefined;
afterEach(async () => {
  await ctx?.cleanup();
  await recorder?.stop();
  recorder = undefined;
});

const ORDERS = `
  CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, note text);
  CREATE TABLE orders_full (id bigint PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, note text);
  ALTER TABLE orders_full REPLICA IDENTITY FULL;
`;

describe('change capture', () => {
  it('turns inserts, updates and deletes into messages of the product format, delivered keyed by primary key', async () => {
    ctx = await setupCaptureTest({ schemaSql: ORDERS, sinks: [{ tables: [{ name: 'orders' }] }] });
    ctx.startCapture();
    await ctx.startDelivery();
    await ctx.waitUntilReading();
    await ctx.sql(`INSERT INTO orders VALUES (42, 7, 'pending', 'first')`);
    await ctx.sql(`UPDATE orders SET status = 'shipped' WHERE id = 42`);
    await ctx.sql(`DELETE FROM orders WHERE id = 42`);

    await ctx.waitForStored(3);
    const [insert, update, remove] = await ctx.stored();
    expect(insert?.payload).toMatchObject({
      record: { id: 42, customer_id: 7, status: 'pending', note: 'first' },
      changes: null,
      action: 'insert',
      metadata: {
        table_schema: 'public',
        table_name: 'orders',
        commit_idx: 0,
        record_pks: ['42'],
        consumer: { id: ctx.sinks[0]?.sink.id, name: 'sink-0', annotations: {} },
      },
    });
    const metadata = insert?.payload.metadata;
    if (!metadata) throw new Error('no insert stored');
    expect(metadata.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(metadata.idempotency_key).toBe(Buffer.from(`${metadata.commit_lsn}:0`).toString('base64'));
    expect(typeof metadata.database_name).toBe('string');
    expect(update?.payload).toMatchObject({
      record: { id: 42, status: 'shipped' },
      changes: {},
      action: 'update',
    });
    // Without REPLICA IDENTITY FULL a delete carries only the primary key.
    expect(remove?.payload).toMatchObject({ record: { id: 42 }, changes: null, action: 'delete' });
    expect(Object.keys(remove?.payload.record ?? {})).toEqual(['id']);
    expect(new Set([insert?.group, update?.group, remove?.group])).toEqual(new Set(['42']));

    const records = await ctx.sinks[0]?.readStream(3);
    expect(records?.map((r) => [r.partitionKey, JSON.parse(r.data).action])).toEqual([
      ['42', 'insert'],
      ['42', 'update'],
      ['42', 'delete'],
    ]);
  });

  it('puts the old values of changed columns in `changes` with REPLICA IDENTITY FULL, and an empty object without', async () => {
    ctx = await setupCaptureTest({
      schemaSql: ORDERS,
      sinks: [{ tables: [{ name: 'orders' }, { name: 'orders_full' }] }],
    });
    ctx.startCapture();
    await ctx.waitUntilReading();
    await ctx.sql(
      `INSERT INTO orders VALUES (1, 7, 'pending', 'n'); INSERT INTO orders_full VALUES (1, 7, 'pending', 'n')`,
    );
    await ctx.sql(`UPDATE orders SET status = 'shipped', note = 'm' WHERE id = 1`);
    await ctx.sql(`UPDATE orders_full SET status = 'shipped', note = 'm' WHERE id = 1`);
    await ctx.sql(`DELETE FROM orders_full WHERE id = 1`);
    await ctx.waitForStored(5);
    const stored = await ctx.stored();
    const updates = stored.filter((m) => m.payload.action === 'update');
    expect(updates.find((m) => m.payload.metadata.table_name === 'orders')?.payload.changes).toEqual({});
    expect(updates.find((m) => m.payload.metadata.table_name === 'orders_full')?.payload.changes).toEqual({
      status: 'pending',
      note: 'n',
    });
    const fullDelete = stored.find((m) => m.payload.action === 'delete');
    expect(fullDelete?.payload.record).toEqual({ id: 1, customer_id: 7, status: 'shipped', note: 'm' });
  });

  it('stores 10,000 rows of one transaction with one commit_lsn and commit_idx 0 to 9,999, and delivers them all', async () => {
    // Ten thousand records would slow the shared kinesis-local for every other test of the run:
    // this sink sends to a recording Kinesis endpoint instead.
    const recording = await startNoopKinesis({ keepRecords: true });
    recorder = recording;
    ctx = await setupCaptureTest({
      schemaSql: ORDERS,
      sinks: [{ tables: [{ name: 'orders' }] }],
      endpoint: recording.endpoint,
    });
    ctx.startCapture();
    await ctx.startDelivery();
    await ctx.waitUntilReading();
    await ctx.sql(`INSERT INTO orders SELECT g, g % 100, 'new', NULL FROM generate_series(1, 10000) AS g`);
    await ctx.waitForStored(10_000);
    const stored = await ctx.stored();
    expect(new Set(stored.map((m) => m.payload.metadata.commit_lsn)).size).toBe(1);
    expect(stored.map((m) => m.payload.metadata.commit_idx)).toEqual(
      Array.from({ length: 10_000 }, (_, i) => i),
    );
    const deadline = Date.now() + 60_000;
    while (recording.recordsReceived() < 10_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const records = recording.records();
    expect(records).toHaveLength(10_000);
    expect(new Set(records.map((r) => JSON.parse(r.data).metadata.idempotency_key)).size).toBe(10_000);
  }, 180_000);

  it('gives each of two sinks on one source exactly its tables, actions and grouping', async () => {
    ctx = await setupCaptureTest({
      schemaSql: `${ORDERS} CREATE TABLE customers (id int PRIMARY KEY, name text);`,
      sinks: [
        { tables: [{ name: 'orders', actions: ['insert'], groupColumns: ['customer_id'] }] },
        { tables: [{ name: 'orders', actions: ['update', 'delete'] }, { name: 'customers' }] },
      ],
    });
    ctx.startCapture();
    await ctx.waitUntilReading();
    await ctx.sql(`INSERT INTO orders VALUES (1, 7, 'a', NULL), (2, 8, 'a', NULL)`);
    await ctx.sql(`UPDATE orders SET status = 'b' WHERE id = 1`);
    await ctx.sql(`INSERT INTO customers VALUES (7, 'Ada')`);
    await ctx.sql(`DELETE FROM orders WHERE id = 2`);
    await ctx.waitForStored(2, 0);
    await ctx.waitForStored(3, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = await ctx.stored(0);
    const second = await ctx.stored(1);
    expect(first.map((m) => [m.payload.metadata.table_name, m.payload.action, m.group])).toEqual([
      ['orders', 'insert', '7'],
      ['orders', 'insert', '8'],
    ]);
    expect(second.map((m) => [m.payload.metadata.table_name, m.payload.action, m.group])).toEqual([
      ['orders', 'update', '1'],
      ['customers', 'insert', '7'],
      ['orders', 'delete', '2'],
    ]);
  });

  it('reflects a column added, renamed or dropped in the next messages, and ignores truncates with a warning', async () => {
    ctx = await setupCaptureTest({ schemaSql: ORDERS, sinks: [{ tables: [{ name: 'orders' }] }] });
    ctx.startCapture();
    await ctx.waitUntilReading();
    await ctx.sql(`INSERT INTO orders VALUES (1, 7, 'a', 'n')`);
    await ctx.sql(`ALTER TABLE orders ADD COLUMN priority int DEFAULT 3`);
    await ctx.sql(`INSERT INTO orders VALUES (2, 7, 'a', 'n')`);
    await ctx.sql(`ALTER TABLE orders RENAME COLUMN note TO remark`);
    await ctx.sql(`INSERT INTO orders VALUES (3, 7, 'a', 'r', 1)`);
    await ctx.sql(`ALTER TABLE orders DROP COLUMN customer_id`);
    await ctx.sql(`INSERT INTO orders VALUES (4, 'a', 'r', 2)`);
    await ctx.sql(`TRUNCATE orders`);
    await ctx.sql(`INSERT INTO orders VALUES (5, 'a', 'r', 2)`);
    await ctx.waitForStored(5);
    const records = (await ctx.stored()).map((m) => m.payload.record);
    expect(records).toEqual([
      { id: 1, customer_id: 7, status: 'a', note: 'n' },
      { id: 2, customer_id: 7, status: 'a', note: 'n', priority: 3 },
      { id: 3, customer_id: 7, status: 'a', remark: 'r', priority: 1 },
      { id: 4, status: 'a', remark: 'r', priority: 2 },
      { id: 5, status: 'a', remark: 'r', priority: 2 },
    ]);
    const events = await listSourceEvents(ctx.db, { sourceId: ctx.source.id });
    expect(events.map((e) => [e.level, e.message])).toContainEqual([
      'warning',
      expect.stringContaining('TRUNCATE of public.orders was not sent'),
    ]);
  });
});

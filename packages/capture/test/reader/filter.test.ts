import { SecretBox } from '@shardline/core';
import { getSink, listSourceEvents, updateSink } from '@shardline/db';
import { waitFor } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest, TEST_SECRET_KEY } from '../harness';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

const ORDERS = `CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, total numeric)`;

async function setFilter(context: CaptureTestContext, filterSource: string): Promise<void> {
  await updateSink(context.db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    sinkId: context.sinks[0]?.sink.id ?? '',
    input: { filterSource },
  });
}

async function filteredCount(context: CaptureTestContext): Promise<bigint> {
  return (await getSink(context.db, { sinkId: context.sinks[0]?.sink.id ?? '' })).filteredCount;
}

describe('a sink filter', () => {
  it('turns only the matching changes into messages and counts the others', async () => {
    ctx = await setupCaptureTest({ schemaSql: ORDERS, sinks: [{ tables: [{ name: 'orders' }] }] });
    await setFilter(ctx, `(message) => message.record.status !== 'draft'`);
    ctx.startCapture();
    await ctx.waitUntilReading();
    await ctx.startDelivery();
    // 30 rows, every third a draft; then each draft is updated to 'paid' (kept), and each paid
    // row back to draft (filtered).
    await ctx.sql(
      `INSERT INTO orders SELECT i, CASE WHEN i % 3 = 0 THEN 'draft' ELSE 'paid' END, i FROM generate_series(1, 30) i`,
    );
    await ctx.sql(`UPDATE orders SET status = 'paid' WHERE id = 3`);
    await ctx.sql(`UPDATE orders SET status = 'draft' WHERE id = 4`);

    await ctx.waitForStored(21);
    const stored = await ctx.stored();
    expect(stored.every((message) => message.payload.record.status === 'paid')).toBe(true);
    expect(stored.map((message) => `${message.payload.action}:${message.payload.record.id}`)).toEqual([
      ...Array.from({ length: 30 }, (_, i) => i + 1)
        .filter((id) => id % 3 !== 0)
        .map((id) => `insert:${id}`),
      'update:3',
    ]);
    // The last change filtered out may come in a later batch than the last one stored, so its
    // count can land a moment after.
    await waitFor('the filtered count to reach 11', async () => (await filteredCount(ctx)) >= 11n, 10_000);
    expect(await filteredCount(ctx)).toBe(11n);
    // Delivery is at least once: a record the emulator holds twice counts once.
    const records = (await ctx.sinks[0]?.readStream(21)) ?? [];
    expect(new Set(records.map((record) => JSON.parse(record.data).metadata.idempotency_key)).size).toBe(21);
  });

  it('keeps a change it cannot decide on, and says so on the source', async () => {
    ctx = await setupCaptureTest({ schemaSql: ORDERS, sinks: [{ tables: [{ name: 'orders' }] }] });
    // Throws when total is NULL.
    await setFilter(ctx, `(message) => message.record.total.length > 0 || message.record.id > 1`);
    ctx.startCapture();
    await ctx.waitUntilReading();
    await ctx.sql(`INSERT INTO orders VALUES (1, 'paid', NULL), (2, 'paid', 5), (3, 'paid', NULL)`);

    await ctx.waitForStored(3);
    expect((await ctx.stored()).map((message) => message.payload.record.id)).toEqual([1, 2, 3]);
    expect(await filteredCount(ctx)).toBe(0n);
    const events = await listSourceEvents(ctx.db, { sourceId: ctx.source.id });
    expect(events.map((event) => event.message).join('\n')).toMatch(
      /The filter of sink "sink-0" could not decide on some changes, which were kept and will be sent: the filter threw: TypeError/,
    );
  });

  it('runs off the reader: a filter stuck in a native call is ended and its change kept, quickly', async () => {
    ctx = await setupCaptureTest({ schemaSql: ORDERS, sinks: [{ tables: [{ name: 'orders' }] }] });
    // About 10 s of native calls (50 joins of a megabyte) that QuickJS's interrupt handler never
    // sees: before, the reader waited for all of it, on its own event loop.
    await setFilter(
      ctx,
      `(m) => { if (m.record.status === 'stuck') { const s = 'ab'.repeat(4e5); let n = 0; for (let i = 0; i < 50; i++) n += s.split('').reverse().join('').length; } return true }`,
    );
    ctx.startCapture();
    await ctx.waitUntilReading();
    const startedAt = performance.now();
    await ctx.sql(`INSERT INTO orders VALUES (1, 'stuck', 1)`);
    await ctx.sql(`INSERT INTO orders SELECT i, 'paid', i FROM generate_series(2, 11) i`);
    await ctx.waitForStored(11);
    // The stuck call alone took about 10 s before; now its thread ends 250 ms past the deadline
    // and a new one starts (about a second for a worker run from TypeScript, under load more).
    expect(performance.now() - startedAt).toBeLessThan(7_000);
    expect((await ctx.stored()).map((message) => message.payload.record.id)).toEqual(
      Array.from({ length: 11 }, (_, i) => i + 1),
    );
    const events = await listSourceEvents(ctx.db, { sourceId: ctx.source.id });
    expect(events.map((event) => event.message).join('\n')).toMatch(/the filter ran longer than 50 ms/);
  });
});

import { pauseSink, resumeSink } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryTestContext, makeMessages, setupDeliveryTest, waitFor } from './harness';

let ctx: DeliveryTestContext;
afterEach(() => ctx?.cleanup());

describe('pausing a sink', () => {
  it('keeps storing but sends nothing until it is resumed', async () => {
    ctx = await setupDeliveryTest();
    await ctx.startEngine();
    await pauseSink(ctx.db, { sinkId: ctx.sink.id, by: 'ops@example.com' });
    await ctx.append(makeMessages(50, 5));
    // Several sweeps and wake-ups go by; nothing may leave while paused.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await ctx.state()).every((m) => m.state === 'pending' && m.deliverCount === 0)).toBe(true);
    expect(await ctx.readStream()).toHaveLength(0);

    await resumeSink(ctx.db, { sinkId: ctx.sink.id });
    await ctx.waitUntilAllDelivered();
    expect(await ctx.readStream(50)).toHaveLength(50);
  });
});

describe('retention', () => {
  it('prunes delivered and discarded messages past the window, never failing or pending ones', async () => {
    ctx = await setupDeliveryTest();
    await ctx.append(makeMessages(30, 3));
    await ctx.startEngine({ retentionMs: 60_000, pruneIntervalMs: 300 });
    await ctx.waitUntilAllDelivered();
    // Age half of them past the window, and leave old failing/pending/discarded rows beside them.
    await ctx.db.pool.query(
      `UPDATE message SET delivered_at = now() - interval '2 minutes' WHERE sink_id = $1 AND commit_idx < 2`,
      [ctx.sink.id],
    );
    // Paused, so none of these is in flight while it is marked below: a request under way would
    // record it delivered afterwards (delivered is the truth), and it would never be pruned.
    await pauseSink(ctx.db, { sinkId: ctx.sink.id, by: 'ops@example.com' });
    await ctx.append(makeMessages(3, 3, { firstLsn: 900_000 }));
    await ctx.db.pool.query(
      `UPDATE message SET state = 'failing', created_at = now() - interval '1 day', next_attempt_at = now() + interval '1 hour'
        WHERE sink_id = $1 AND commit_lsn = 900000 AND commit_idx = 0`,
      [ctx.sink.id],
    );
    await ctx.db.pool.query(
      `UPDATE message SET state = 'discarded', discarded_at = now() - interval '2 minutes', discarded_by = 'ops'
        WHERE sink_id = $1 AND commit_lsn = 900000 AND commit_idx = 1`,
      [ctx.sink.id],
    );
    await ctx.db.pool.query(
      `UPDATE message SET created_at = now() - interval '1 day' WHERE sink_id = $1 AND state = 'pending'`,
      [ctx.sink.id],
    );

    const recent = (await ctx.state()).filter((m) => m.lsn < 900_000n && m.idx >= 2).length;
    expect(recent).toBeGreaterThan(0);
    await waitFor(
      'old finished messages pruned',
      async () => {
        const state = await ctx.state();
        return state.length === recent + 2 ? state : null;
      },
      20_000,
    );
    const remaining = await ctx.state();
    expect(
      remaining.filter((m) => m.lsn < 900_000n).every((m) => m.state === 'delivered' && m.idx >= 2),
    ).toBe(true);
    expect(remaining.some((m) => m.lsn === 900_000n && m.idx === 0)).toBe(true);
    expect(remaining.some((m) => m.lsn === 900_000n && m.idx === 1)).toBe(false);
    expect(remaining.some((m) => m.lsn === 900_000n && m.idx === 2)).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../harness';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

async function slotLag(
  ctx: CaptureTestContext,
): Promise<{ retainedBytes: number; confirmed: string | null }> {
  const [row] = await ctx.sql<{ retained: string; confirmed: string | null }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::text AS retained, confirmed_flush_lsn::text AS confirmed
       FROM pg_replication_slots WHERE slot_name = $1`,
    [ctx.source.slotName],
  );
  return { retainedBytes: Number(row?.retained), confirmed: row?.confirmed ?? null };
}

describe('a sink that cannot deliver', () => {
  it('does not make the source keep WAL: the slot advances while messages pile up in the store', async () => {
    ctx = await setupCaptureTest({
      schemaSql: 'CREATE TABLE events (id bigserial PRIMARY KEY, body text NOT NULL)',
      sinks: [{ tables: [{ name: 'events' }] }],
      withProxy: true,
    });
    await ctx.proxy.goDown();
    ctx.startCapture();
    await ctx.startDelivery();
    await ctx.waitUntilReading();

    const before = await slotLag(ctx);
    let written = 0;
    for (let batch = 0; batch < 20; batch++) {
      await ctx.sql(`INSERT INTO events (body) SELECT repeat('x', 500) FROM generate_series(1, 500)`);
      written += 500;
    }
    await ctx.waitForStored(written);
    // Everything is stored, none delivered: the stream is unreachable.
    const stored = await ctx.stored();
    expect(stored.every((m) => m.state === 'pending' || m.state === 'failing')).toBe(true);
    // Other databases of the server keep writing WAL; the slot keeps following within seconds.
    let after = await slotLag(ctx);
    for (let tries = 0; after.retainedBytes >= 1_000_000 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await slotLag(ctx);
    }
    expect(after.confirmed).not.toBe(before.confirmed);
    // 10,000 rows of ~500 bytes wrote several MB of WAL; the slot holds on to almost none of it.
    const [wal] = await ctx.sql<{ written: string }>(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS written`,
      [before.confirmed],
    );
    expect(Number(wal?.written)).toBeGreaterThan(5_000_000);
    expect(after.retainedBytes).toBeLessThan(1_000_000);
  });
});

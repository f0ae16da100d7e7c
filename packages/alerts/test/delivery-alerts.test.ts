import { listAlerts } from '@shardline/db';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { type AlertTestContext, makeMessages, setupAlertTest, waitFor } from './harness';

let ctx: AlertTestContext;
afterEach(() => ctx?.cleanup());

/** Short thresholds, so the conditions become alerts in seconds. */
const THRESHOLDS = { groupBlockedMs: 2_000, sinkFailingMs: 2_000 };

async function openKinds(ctx: AlertTestContext): Promise<string[]> {
  const { alerts } = await listAlerts(ctx.db, { state: 'active', sinkId: ctx.sink.id });
  return alerts.map((alert) => alert.kind).sort();
}

describe('alerts about delivery', () => {
  it('opens a blocked-group alert once a group has been blocked past the threshold, and no failing-sink alert while other groups flow', async () => {
    ctx = await setupAlertTest();
    // Kinesis keeps refusing the records of one group; the others go through.
    ctx.proxy.failRecords((record) =>
      record.partitionKey === 'order-1'
        ? { errorCode: 'InternalFailure', errorMessage: 'Internal service failure.' }
        : null,
    );
    await ctx.append(makeMessages(12, 3));
    await ctx.startDelivery();
    // The other groups keep getting changes, so the sink keeps delivering while order-1 is stuck.
    let nextLsn = 100_000;
    const flowing = setInterval(() => {
      const more = makeMessages(2, 1, 50, nextLsn).map((message, index) => ({
        ...message,
        group: index === 0 ? 'order-0' : 'order-2',
      }));
      nextLsn += 100;
      void ctx.append(more).catch(() => undefined);
    }, 200);
    onTestFinished(() => clearInterval(flowing));
    await waitFor('group order-1 to fail', async () => {
      const { rows } = await ctx.db.pool.query(
        "SELECT 1 FROM message WHERE sink_id = $1 AND state = 'failing' AND group_key = 'order-1'",
        [ctx.sink.id],
      );
      return rows.length > 0;
    });
    // Not yet past the threshold.
    expect((await ctx.evaluate({ thresholds: THRESHOLDS })).opened).toEqual([]);

    const alert = await waitFor('the blocked-group alert', async () => {
      const { opened } = await ctx.evaluate({ thresholds: THRESHOLDS });
      return opened.find((each) => each.kind === 'group_blocked') ?? null;
    });
    expect(alert.summary).toMatch(
      /^1 group has been blocked behind a failing message for more than 2 s \(the longest for \d+ s\): "order-1"\./,
    );
    expect(alert.details).toMatchObject({ count: 1, groups: ['order-1'], capped: false });
    // The other groups were delivered: the sink as a whole is not failing.
    await ctx.evaluate({ thresholds: THRESHOLDS });
    expect(await openKinds(ctx)).toEqual(['group_blocked']);

    clearInterval(flowing);
    ctx.proxy.failRecords(null);
    await waitFor('every message delivered', async () => {
      const { rows } = await ctx.db.pool.query(
        "SELECT 1 FROM message WHERE sink_id = $1 AND state <> 'delivered'",
        [ctx.sink.id],
      );
      return rows.length === 0;
    });
    const { resolved } = await ctx.evaluate({ thresholds: THRESHOLDS });
    expect(resolved.map((each) => each.kind)).toEqual(['group_blocked']);
  });

  it('opens a failing-sink alert when every delivery has failed past the threshold, and clears it once Kinesis takes records again', async () => {
    ctx = await setupAlertTest();
    await ctx.append(makeMessages(4, 4));
    await ctx.startDelivery();
    await waitFor('the first deliveries', async () => {
      const { rows } = await ctx.db.pool.query("SELECT 1 FROM message WHERE state = 'delivered'");
      return rows.length === 4;
    });
    await ctx.proxy.goDown();
    await ctx.append(makeMessages(6, 3, 50, 5_000));

    const alert = await waitFor('the failing-sink alert', async () => {
      const { opened } = await ctx.evaluate({ thresholds: THRESHOLDS });
      return opened.find((each) => each.kind === 'sink_failing') ?? null;
    });
    expect(alert.summary).toMatch(
      /^Every delivery has failed for \d+ s \(Kinesis last accepted a record at /,
    );
    expect(alert.summary).toMatch(/the latest error: Could not connect to .*connection refused/i);
    expect(alert.details).toMatchObject({ latestError: { code: 'ECONNREFUSED' } });

    await ctx.proxy.comeUp();
    await waitFor('every message delivered', async () => {
      const { rows } = await ctx.db.pool.query("SELECT 1 FROM message WHERE state <> 'delivered'");
      return rows.length === 0;
    });
    const { resolved } = await ctx.evaluate({ thresholds: THRESHOLDS });
    expect(resolved.map((each) => each.kind).sort()).toEqual(
      // The groups were blocked past the threshold too, and cleared with the sink.
      (await listAlerts(ctx.db, { state: 'resolved' })).alerts.map((each) => each.kind).sort(),
    );
    expect(resolved.map((each) => each.kind)).toContain('sink_failing');
    expect(await openKinds(ctx)).toEqual([]);
  });
});

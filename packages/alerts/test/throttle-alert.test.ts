import { listAlerts, reportSinkThrottling } from '@shardline/db';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { type AlertTestContext, setupAlertTest, waitFor } from './harness';

let ctx: AlertTestContext;
afterEach(() => ctx?.cleanup());

/** A short threshold, so the condition becomes an alert in about a second. */
const THRESHOLDS = { sinkThrottledMs: 1_000 };

describe('the sink_throttled alert', () => {
  it('opens once Kinesis has throttled the sink past the threshold, worded as its health, and resolves when it clears', async () => {
    ctx = await setupAlertTest();
    // As an engine sending at the stream's limit reports, every few seconds while it is throttled.
    const report = () =>
      reportSinkThrottling(ctx.db, {
        sinkId: ctx.sink.id,
        engineId: 'engine-1',
        recordsPerSecond: 1_000,
        shardsAtLimit: ['shardId-000000000000'],
        throttledRecords: 120,
      });
    await report();
    const reporting = setInterval(() => void report().catch(() => undefined), 200);
    onTestFinished(() => clearInterval(reporting));
    // Not yet past the threshold.
    expect((await ctx.evaluate({ thresholds: THRESHOLDS })).opened).toEqual([]);

    const alert = await waitFor('the sink_throttled alert', async () => {
      const { opened } = await ctx.evaluate({ thresholds: THRESHOLDS });
      return opened.find((each) => each.kind === 'sink_throttled') ?? null;
    });
    expect(alert.sinkId).toBe(ctx.sink.id);
    expect(alert.summary).toMatch(
      /^It has been throttled for \d+ s\. Throttled by Kinesis: sending at 1,000 records\/s, the stream's limit; shard shardId-000000000000 is at its limit\. .* Add shards to the stream, or switch the stream to on-demand capacity/,
    );
    expect(alert.details).toMatchObject({
      recordsPerSecond: 1_000,
      shardsAtLimit: ['shardId-000000000000'],
      thresholdMs: 1_000,
    });
    clearInterval(reporting);
    // Still throttled: it stays open.
    expect((await ctx.evaluate({ thresholds: THRESHOLDS })).resolved).toEqual([]);

    // Nothing throttled in the engine's last 30 s: its report says it cleared.
    await reportSinkThrottling(ctx.db, {
      sinkId: ctx.sink.id,
      engineId: 'engine-1',
      recordsPerSecond: 1_000,
      shardsAtLimit: [],
      throttledRecords: 0,
    });
    const { resolved } = await ctx.evaluate({ thresholds: THRESHOLDS });
    expect(resolved.map((each) => [each.kind, each.sinkId])).toContainEqual(['sink_throttled', ctx.sink.id]);
    const { alerts } = await listAlerts(ctx.db, { state: 'active', sinkId: ctx.sink.id });
    expect(alerts).toEqual([]);
  });
});

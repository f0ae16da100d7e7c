import { reportSinkThrottling, updateAlertSettings, updateSinkAlertThresholds } from '@shardline/db';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  type AlertTestContext,
  secretBox,
  setupAlertTest,
  startWebhookReceiver,
  waitFor,
  webhookFor,
} from './harness';

let ctx: AlertTestContext;
afterEach(() => ctx?.cleanup());

/** What the engine's environment says: ten minutes, so only a setting made in the console can open it soon. */
const FROM_ENVIRONMENT = { sinkThrottledMs: 600_000 };

/** As an engine sending at the stream's limit reports, every few hundred ms while it is throttled. */
function keepReportingThrottled(sinkId: string): void {
  const report = () =>
    reportSinkThrottling(ctx.db, {
      sinkId,
      engineId: 'engine-1',
      recordsPerSecond: 1_000,
      shardsAtLimit: ['shardId-000000000000'],
      throttledRecords: 120,
    });
  void report();
  const reporting = setInterval(() => void report().catch(() => undefined), 200);
  onTestFinished(() => clearInterval(reporting));
}

describe('alert settings made in the console', () => {
  it("a sink's own threshold opens its alert at the next evaluation, where the environment's would not", async () => {
    ctx = await setupAlertTest();
    keepReportingThrottled(ctx.sink.id);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Throttled for over a second, under the environment's ten minutes: nothing opens.
    expect((await ctx.evaluate({ thresholds: FROM_ENVIRONMENT })).opened).toEqual([]);

    await updateSinkAlertThresholds(ctx.db, {
      sinkId: ctx.sink.id,
      input: { sinkThrottledMs: 1_000 },
      by: 'admin@example.com',
    });
    const { opened } = await ctx.evaluate({ thresholds: FROM_ENVIRONMENT });
    const alert = opened.find((each) => each.kind === 'sink_throttled');
    expect(alert?.sinkId).toBe(ctx.sink.id);
    expect(alert?.details).toMatchObject({ thresholdMs: 1_000 });

    // Back to the installation's threshold: the alert resolves at the next evaluation.
    await updateSinkAlertThresholds(ctx.db, { sinkId: ctx.sink.id, input: { sinkThrottledMs: null } });
    const { resolved } = await ctx.evaluate({ thresholds: FROM_ENVIRONMENT });
    expect(resolved.map((each) => each.kind)).toContain('sink_throttled');
  });

  it("the installation's threshold set in the console wins over the environment's, and its webhook over the environment's", async () => {
    ctx = await setupAlertTest();
    const fromConsole = await startWebhookReceiver();
    const fromEnvironment = await startWebhookReceiver();
    onTestFinished(() => Promise.all([fromConsole.stop(), fromEnvironment.stop()]).then(() => undefined));
    keepReportingThrottled(ctx.sink.id);
    await updateAlertSettings(ctx.db, {
      secretBox,
      input: { webhookUrl: fromConsole.url, thresholds: { sinkThrottledMs: 1_000 } },
      by: 'admin@example.com',
    });

    const alert = await waitFor('the sink_throttled alert', async () => {
      const { opened } = await ctx.evaluate({
        thresholds: FROM_ENVIRONMENT,
        webhook: webhookFor(fromEnvironment),
      });
      return opened.find((each) => each.kind === 'sink_throttled') ?? null;
    });
    expect(alert.details).toMatchObject({ thresholdMs: 1_000 });
    expect(fromConsole.bodies.map((body) => body.text)).toEqual([
      expect.stringContaining('Alert opened: Sink throttled by Kinesis on sink "alerts-sink"'),
    ]);
    expect(fromEnvironment.bodies).toEqual([]);
  });
});

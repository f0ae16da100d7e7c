import { discardMessages, listAlerts, retryMessages, updateSink } from '@shardline/db';
import { register } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AlertTestContext,
  CapturedLog,
  makeMessages,
  secretBox,
  setupAlertTest,
  startWebhookReceiver,
  type WebhookReceiver,
  waitFor,
  webhookFor,
} from './harness';

let ctx: AlertTestContext;
let receiver: WebhookReceiver | null = null;
afterEach(async () => {
  await receiver?.stop();
  receiver = null;
  await ctx?.cleanup();
});

/** The sink's record size limit in these tests: a 3 KiB message is over it. */
const LIMIT_BYTES = 2_048;

async function failingOversize(ctx: AlertTestContext): Promise<string> {
  return waitFor('the oversize message to fail', async () => {
    const { rows } = await ctx.db.pool.query<{ id: string }>(
      "SELECT id FROM message WHERE sink_id = $1 AND state = 'failing' AND last_error_code = 'RecordTooLarge'",
      [ctx.sink.id],
    );
    return rows[0]?.id ?? null;
  });
}

async function activeMetric(): Promise<string> {
  return (await register.getSingleMetricAsString('shardline_alerts_active')) ?? '';
}

describe('a message over the record size limit', () => {
  it('opens one alert, logged, counted and sent to the webhook once though two engines evaluate, and resolves it when discarded', async () => {
    ctx = await setupAlertTest({ sink: { maxRecordSizeBytes: LIMIT_BYTES } });
    receiver = await startWebhookReceiver();
    const messages = makeMessages(8, 4);
    const big = messages[5];
    if (!big) throw new Error('fixture');
    big.payload = { record: { id: 5, note: 'y'.repeat(3_000) } };
    await ctx.append(messages);
    await ctx.startDelivery();
    const messageId = await failingOversize(ctx);

    // Two engines, each with its own connections, log and webhook, evaluating at the same moment.
    const logs = [new CapturedLog(), new CapturedLog()];
    const second = ctx.secondDatabase();
    const webhook = webhookFor(receiver);
    const evaluateBoth = () =>
      Promise.all([
        ctx.evaluate({ logger: logs[0]?.logger, webhook }),
        ctx.evaluate({ logger: logs[1]?.logger, webhook }, second),
      ]);
    const first = await evaluateBoth();
    await evaluateBoth();

    const opened = first.flatMap((evaluation) => evaluation.opened);
    expect(opened.map((alert) => alert.kind)).toEqual(['message_too_large']);
    expect(opened[0]?.sinkId).toBe(ctx.sink.id);
    expect(opened[0]?.summary).toMatch(/^1 message fails for being over the stream's record size limit/);
    expect(opened[0]?.details).toMatchObject({ count: 1, messageIds: [messageId] });

    // Exactly one webhook call, Slack-compatible, saying what and where.
    expect(receiver.bodies).toHaveLength(1);
    const [notice] = receiver.bodies;
    expect(notice?.text).toContain('Alert opened: Messages over the record size limit on sink "alerts-sink"');
    expect(notice?.blocks?.[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(JSON.stringify(notice?.blocks)).toContain(`https://shardline.example.com/sinks/${ctx.sink.id}`);

    // One warning in all, by the engine that opened it, with the sink's id.
    const warnings = logs.flatMap((log) => log.warnings('alert opened'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ sinkId: ctx.sink.id, kind: 'message_too_large' });
    expect(await activeMetric()).toContain(
      'shardline_alerts_active{kind="message_too_large",sink="alerts-sink",source=""} 1',
    );

    const { alerts: active } = await listAlerts(ctx.db, { state: 'active' });
    expect(active).toHaveLength(1);
    expect(active[0]?.notifications.openedAt).toBeInstanceOf(Date);

    // Discarding the message clears it: resolved once, heard once, kept in history.
    await discardMessages(ctx.db, {
      sinkId: ctx.sink.id,
      selection: { ids: [BigInt(messageId)] },
      by: 'ops',
    });
    const afterFix = await evaluateBoth();
    expect(afterFix.flatMap((evaluation) => evaluation.resolved).map((alert) => alert.kind)).toEqual([
      'message_too_large',
    ]);
    await evaluateBoth();
    expect(receiver.bodies).toHaveLength(2);
    expect(receiver.bodies[1]?.text).toMatch(
      /Alert resolved: Messages over the record size limit on sink "alerts-sink" cleared after \d+ s\./,
    );
    expect(logs.flatMap((log) => log.warnings('alert resolved'))).toHaveLength(1);
    expect(await activeMetric()).not.toContain('message_too_large');
    const { alerts: history } = await listAlerts(ctx.db, { state: 'resolved' });
    expect(history).toHaveLength(1);
    expect(history[0]?.resolvedAt).toBeInstanceOf(Date);
    expect(history[0]?.notifications.resolvedAt).toBeInstanceOf(Date);
    expect(await listAlerts(ctx.db, { state: 'active' })).toMatchObject({ alerts: [] });
  });

  it('resolves when the message is delivered after the limit is raised, and a webhook that fails is recorded without its secret path', async () => {
    ctx = await setupAlertTest({ sink: { maxRecordSizeBytes: LIMIT_BYTES } });
    receiver = await startWebhookReceiver();
    receiver.status = 500;
    const messages = makeMessages(2, 2);
    const big = messages[0];
    if (!big) throw new Error('fixture');
    big.payload = { record: { id: 0, note: 'z'.repeat(3_000) } };
    await ctx.append(messages);
    await ctx.startDelivery();
    const messageId = await failingOversize(ctx);

    const log = new CapturedLog();
    const { opened } = await ctx.evaluate({ logger: log.logger, webhook: webhookFor(receiver) });
    expect(opened).toHaveLength(1);
    const [failure] = log.warnings('the alert webhook did not take the opening notice');
    expect(failure?.error).toMatch(/^the webhook at http:\/\/127\.0\.0\.1:\d+ answered 500/);
    expect(JSON.stringify(log.lines)).not.toContain('secret-token-xyz');
    const { alerts } = await listAlerts(ctx.db, { state: 'active' });
    expect(alerts[0]?.notifications).toMatchObject({ openedAt: null });
    expect(alerts[0]?.notifications.error).toMatch(/answered 500/);

    await updateSink(ctx.db, { secretBox, sinkId: ctx.sink.id, input: { maxRecordSizeBytes: 1_048_576 } });
    await retryMessages(ctx.db, { sinkId: ctx.sink.id, selection: { ids: [BigInt(messageId)] } });
    await waitFor('the message to be delivered', async () => {
      const { rows } = await ctx.db.pool.query('SELECT state FROM message WHERE id = $1', [messageId]);
      return rows[0]?.state === 'delivered';
    });
    const { resolved } = await ctx.evaluate();
    expect(resolved.map((alert) => alert.kind)).toEqual(['message_too_large']);
  });
});

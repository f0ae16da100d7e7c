import { SecretBox } from '@shardline/core';
import { createSink, type Database, type PublicSink } from '@shardline/db';
import { startWebhookReceiver, type WebhookReceiver } from '@shardline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as getSettings, PUT as putSettings } from '../app/api/v1/alerts/settings/route';
import { POST as sendTest } from '../app/api/v1/alerts/settings/test/route';
import {
  GET as getSinkThresholds,
  PUT as putSinkThresholds,
} from '../app/api/v1/sinks/[id]/alert-thresholds/route';
import { call, openApiHarness, TEST_ACTOR, TEST_SECRET_KEY } from './api-harness';

let db: Database;
let close: () => Promise<void>;
let receiver: WebhookReceiver;
let sink: PublicSink;
/** The part of a Slack-like webhook URL that is its secret. */
const SECRET_PART = 'secret-token-xyz';

beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  receiver = await startWebhookReceiver();
  sink = await createSink(db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    input: {
      name: 'orders-to-kinesis',
      streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders',
      accessKeyId: 'AKIAEXAMPLEKEY',
      secretAccessKey: 'never-shown',
    },
  });
});
afterAll(async () => {
  await receiver.stop();
  await close();
});
beforeEach(() => {
  receiver.status = 200;
  receiver.bodies.length = 0;
});

const settings = (as: 'admin' | 'viewer' = 'admin') =>
  call(getSettings, { path: '/api/v1/alerts/settings', as });
const changeSettings = (body: unknown, as: 'admin' | 'viewer' = 'admin') =>
  call(putSettings, { method: 'PUT', path: '/api/v1/alerts/settings', body, as });
const test = (body: unknown, as: 'admin' | 'viewer' = 'admin') =>
  call(sendTest, { path: '/api/v1/alerts/settings/test', body, as });
const changeSinkThresholds = (body: unknown, sinkId = sink.id, as: 'admin' | 'viewer' = 'admin') =>
  call(putSinkThresholds, {
    method: 'PUT',
    path: `/api/v1/sinks/${sinkId}/alert-thresholds`,
    params: { id: sinkId },
    body,
    as,
  });

async function auditEvents(targetType: string) {
  const { rows } = await db.pool.query<{
    actor: string;
    target_id: string;
    details: Record<string, unknown>;
  }>(
    `SELECT actor, target_id, details FROM audit_event
      WHERE action = 'alerts.settings_changed' AND target_type = $1 ORDER BY id`,
    [targetType],
  );
  return rows;
}

describe('alert settings', () => {
  it('a viewer reads them but changes nothing, sends no test and sets no sink threshold (403)', async () => {
    const read = await settings('viewer');
    expect(read.status, read.text).toBe(200);
    expect(read.body.settings.webhook).toEqual({ set: false, host: null });
    expect(read.body.thresholdFields.sinkThrottledMs).toMatchObject({
      variable: 'SHARDLINE_ALERT_SINK_THROTTLED_MS',
      builtInDefault: 600_000,
      min: 1_000,
    });

    expect((await changeSettings({ thresholds: { sinkFailingMs: 60_000 } }, 'viewer')).status).toBe(403);
    expect((await test({ webhookUrl: receiver.url }, 'viewer')).status).toBe(403);
    expect((await changeSinkThresholds({ sinkFailingMs: 60_000 }, sink.id, 'viewer')).status).toBe(403);
    expect(receiver.bodies).toEqual([]);
    expect((await settings()).body.settings.thresholds.sinkFailingMs).toBeNull();
  });

  it('stores the webhook URL encrypted, never returns it, and audits the change by host only', async () => {
    const saved = await changeSettings({ webhookUrl: receiver.url });
    expect(saved.status, saved.text).toBe(200);
    const host = new URL(receiver.url).host;
    expect(saved.body.settings.webhook).toEqual({ set: true, host });
    expect(saved.text).not.toContain(SECRET_PART);
    const read = await settings('viewer');
    expect(read.body.settings.webhook).toEqual({ set: true, host });
    expect(read.text).not.toContain(SECRET_PART);
    expect(read.body.settings.updatedBy).toBe(TEST_ACTOR);

    // At rest: a ciphertext that reads back to the URL, with no part of the URL in clear text.
    const { rows } = await db.pool.query<Record<string, unknown>>('SELECT * FROM alert_settings');
    expect(JSON.stringify(rows)).not.toContain(SECRET_PART);
    expect(JSON.stringify(rows)).not.toContain('/services/');
    expect(new SecretBox(TEST_SECRET_KEY).decrypt(String(rows[0]?.webhook_url_ciphertext))).toBe(
      receiver.url,
    );

    const [event] = await auditEvents('alert_settings');
    expect(event).toMatchObject({
      actor: TEST_ACTOR,
      details: { fields: ['webhookUrl'], webhook: 'set', webhookHost: host },
    });
    expect(JSON.stringify(event)).not.toContain(SECRET_PART);
  });

  it('sets and clears installation thresholds, each audited from and to', async () => {
    const saved = await changeSettings({
      thresholds: { sinkThrottledMs: 120_000, sourceLagBytes: 2 * 1024 ** 3 },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.settings.thresholds).toMatchObject({
      sinkThrottledMs: 120_000,
      sourceLagBytes: 2 * 1024 ** 3,
      groupBlockedMs: null,
    });
    // Left out keeps the webhook; null returns a threshold to the environment variable.
    const cleared = await changeSettings({ thresholds: { sinkThrottledMs: null } });
    expect(cleared.body.settings.thresholds.sinkThrottledMs).toBeNull();
    expect(cleared.body.settings.webhook.set).toBe(true);
    const events = await auditEvents('alert_settings');
    expect(events.at(-2)?.details).toMatchObject({
      fields: ['thresholds.sinkThrottledMs', 'thresholds.sourceLagBytes'],
      thresholds: { sinkThrottledMs: { from: null, to: 120_000 } },
    });
    expect(events.at(-1)?.details).toMatchObject({
      thresholds: { sinkThrottledMs: { from: 120_000, to: null } },
    });
  });

  it('refuses bad input with a 400 naming the field, and writes nothing of it', async () => {
    const before = (await settings()).body.settings;
    const cases: Array<[unknown, string, RegExp]> = [
      [{ thresholds: { sinkThrottledMs: 10 } }, 'thresholds.sinkThrottledMs', /at least 1,000 ms/],
      [{ thresholds: { groupBlockedMs: 10 ** 10 } }, 'thresholds.groupBlockedMs', /at most 604,800,000 ms/],
      [{ thresholds: { sourceLagBytes: 1.5 } }, 'thresholds.sourceLagBytes', /whole number/],
      [{ thresholds: { sinkFailingMs: '60000' } }, 'thresholds.sinkFailingMs', /whole number/],
      [{ thresholds: { sinkFaillingMs: 60_000 } }, 'thresholds', /"sinkFaillingMs" is not a threshold/],
      [{ webhookUrl: 'ftp://hooks.example.com/x' }, 'webhookUrl', /http or https/],
      [{ webhookUrl: 'not a url' }, 'webhookUrl', /not a URL/],
      [{ webhookUrl: 'http://169.254.169.254/latest/meta-data' }, 'webhookUrl', /link-local/],
      [{ webhookUrl: 'https://user:pass@hooks.example.com/x' }, 'webhookUrl', /user name or password/],
    ];
    for (const [body, field, message] of cases) {
      const answer = await changeSettings(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.field).toBe(field);
      expect(answer.body.error.message).toMatch(message);
    }
    // A valid webhook beside a threshold out of range: neither is saved.
    const mixed = await changeSettings({
      webhookUrl: 'https://hooks.example.com/other',
      thresholds: { sinkFailingMs: 0 },
    });
    expect(mixed.status).toBe(400);
    expect((await settings()).body.settings).toEqual(before);
  });

  it("sets a sink's own thresholds, listed with the settings and audited on the sink", async () => {
    const saved = await changeSinkThresholds({ sinkThrottledMs: 90_000 });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.thresholds).toMatchObject({
      sinkId: sink.id,
      sinkName: 'orders-to-kinesis',
      thresholds: { sinkThrottledMs: 90_000, groupBlockedMs: null },
      updatedBy: TEST_ACTOR,
    });
    const read = await call(getSinkThresholds, {
      path: `/api/v1/sinks/${sink.id}/alert-thresholds`,
      params: { id: sink.id },
      as: 'viewer',
    });
    expect(read.body.thresholds.thresholds.sinkThrottledMs).toBe(90_000);
    expect((await settings('viewer')).body.sinks).toEqual([
      expect.objectContaining({
        sinkId: sink.id,
        thresholds: expect.objectContaining({ sinkThrottledMs: 90_000 }),
      }),
    ]);
    const [event] = await auditEvents('sink');
    expect(event).toMatchObject({
      target_id: sink.id,
      details: {
        fields: ['thresholds.sinkThrottledMs'],
        thresholds: { sinkThrottledMs: { from: null, to: 90_000 } },
      },
    });

    const tooShort = await changeSinkThresholds({ groupBlockedMs: 500 });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.field).toBe('groupBlockedMs');
    const notOfASink = await changeSinkThresholds({ sourceLagBytes: 2 ** 30 });
    expect(notOfASink.status).toBe(400);
    expect(notOfASink.body.error.message).toMatch(/"sourceLagBytes" is not a threshold here/);
    const missing = await changeSinkThresholds(
      { sinkThrottledMs: 90_000 },
      '00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
  });
});

describe('POST /api/v1/alerts/settings/test', () => {
  it('posts a test notification to the saved webhook and says how it went', async () => {
    await changeSettings({ webhookUrl: receiver.url });
    const answer = await test({});
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.result).toMatchObject({ ok: true, status: 200, host: new URL(receiver.url).host });
    expect(answer.body.result.message).toMatch(/answered HTTP 200/);
    expect(answer.text).not.toContain(SECRET_PART);
    expect(receiver.bodies).toEqual([
      expect.objectContaining({
        test: true,
        text: expect.stringMatching(/Test notification, sent by test-suite/),
      }),
    ]);
  });

  it('reports the status a refusing webhook answered, and a connection refused, for a URL just typed', async () => {
    receiver.status = 500;
    const refused = await test({ webhookUrl: receiver.url });
    expect(refused.body.result).toMatchObject({ ok: false, status: 500 });
    expect(refused.body.result.message).toMatch(/answered 500/);

    const closed = await startWebhookReceiver();
    await closed.stop();
    const unreachable = await test({ webhookUrl: closed.url });
    expect(unreachable.body.result).toMatchObject({ ok: false, status: null });
    expect(unreachable.body.result.message).toMatch(/connection refused/);
    expect(unreachable.text).not.toContain(SECRET_PART);
  });

  it('refuses a refused address and asks for a URL when none is saved', async () => {
    const metadata = await test({ webhookUrl: 'http://169.254.169.254/hook' });
    expect(metadata.status).toBe(400);
    expect(metadata.body.error.field).toBe('webhookUrl');

    const removed = await changeSettings({ webhookUrl: null });
    expect(removed.body.settings.webhook).toEqual({ set: false, host: null });
    expect((await auditEvents('alert_settings')).at(-1)?.details).toMatchObject({ webhook: 'removed' });
    const none = await test({});
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ field: 'webhookUrl' });
    expect(none.body.error.message).toMatch(/no webhook is set/);
  });
});

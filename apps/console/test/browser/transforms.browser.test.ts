import { randomBytes } from 'node:crypto';
import { createTestStream, readAllRecords } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser';
import { consoleHelpers, eventually, lastSegment, openCodeField } from './console-helpers';
import type { ConsoleServer } from './console-server';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

/** The sink's record size limit: a row with a long note goes over it, the row without it does not. */
const RECORD_LIMIT_BYTES = 2048;
const LONG_NOTE = 'x'.repeat(RECORD_LIMIT_BYTES + 500);
const TRANSFORM_NAME = 'drop-the-note';
/** Typed into the editor key by key, as a person would. */
const TRANSFORM_CODE = '(message) => ({ ...message, record: { ...message.record, note: null } })';
const FILTER_CODE = "(message) => message.record.customer !== 'test account'";

const world: Partial<ConsoleWorld> = {};
let source: ConsoleWorld['source'];
let server: ConsoleServer;
let page: Page;
let sinkId: string;
let transformId: string;
/** The stream the routing test sends to, for the tests after it. */
let vipStreamArn: string;

const {
  showTab,
  filterMessages,
  rows,
  expectRowCount,
  recordsOf,
  openSink,
  post: api,
} = consoleHelpers(world);

beforeAll(async () => {
  let stream: ConsoleWorld['stream'];
  ({ source, stream, server, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
  const { source: created } = await api<{ source: { id: string } }>('/sources', {
    // Slot and publication names are server-wide: a name of its own per run.
    name: `shop_${randomBytes(3).toString('hex')}`,
    url: source.url,
  });
  const { sink } = await api<{ sink: { id: string } }>('/sinks', {
    name: 'orders-transformed',
    streamArn: stream.streamArn,
    endpoint: kinesisEndpoint(),
    accessKeyId: 'AKIAEMULATOR',
    secretAccessKey: 'emulator-secret',
    sourceId: created.id,
    tables: [{ name: 'orders' }],
    maxRecordSizeBytes: RECORD_LIMIT_BYTES,
    backoffCapMs: 2_000,
  });
  // Created through the API, the sink takes every change committed from now on.
  sinkId = sink.id;
});

afterAll(() => stopConsoleWorld(world));

/** The health badge of the sink page, once it says `status`. */
async function expectHealth(status: 'healthy' | 'failing' | 'paused'): Promise<void> {
  await eventually(() => page.getByTestId('health-badge').first().getAttribute('data-status')).toBe(status);
}

describe('transforms in a browser', () => {
  it('writes a transform in the editor and tests it on the failing message of a sink', async () => {
    await source.query(
      `INSERT INTO orders (id, customer, note) VALUES (1, 'Ada', 'short'), (10, 'Barbara', $1)`,
      [LONG_NOTE],
    );
    await openSink(sinkId);
    await showTab('tab-failing');
    await expectRowCount(1);
    expect(await rows().first().getByTestId('last-error').textContent()).toContain('RecordTooLarge');
    // Held while the transform is written, so that the retry below is what sends it.
    await page.getByTestId('pause').click();
    await expectHealth('paused');

    await page.goto(`${server.url}/transforms`);
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('create-transform').click();
    await page.waitForURL(`${server.url}/transforms/new`);
    await page.getByTestId('transform-name').fill(TRANSFORM_NAME);

    // Replace the starter function by typing, key by key.
    const editor = page.getByTestId('transform-body');
    const content = editor.locator('.cm-content');
    await content.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(TRANSFORM_CODE);
    expect(await content.textContent()).toBe(TRANSFORM_CODE);
    // Highlighted as JavaScript: the tokens are styled spans.
    expect(await editor.locator('.cm-line span').count()).toBeGreaterThan(3);
    // Named for assistive technology, and Tab leaves the editor rather than trapping the focus.
    expect(await content.getAttribute('aria-labelledby')).toBeTruthy();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') ?? null)).toBeNull();

    // The test panel runs the unsaved code on the sink's messages, the failing one first.
    const panel = page.getByTestId('transform-test');
    await panel.getByTestId('test-sink').selectOption(sinkId);
    await panel.getByTestId('run-test').click();
    const results = panel.getByTestId('test-result');
    await eventually(() => results.count()).toBe(2);
    const oversize = results.first();
    expect(await oversize.getByTestId('test-input').textContent()).toContain(`"note": "${LONG_NOTE}"`);
    expect(await oversize.getByTestId('test-output').textContent()).toContain('"note": null');
    expect(await oversize.getAttribute('data-fits')).toBe('true');
    expect(await oversize.getByTestId('test-size').textContent()).toMatch(
      /^2\.\d KiB in, \d+ B out, of the 2\.0 KiB record limit: fits$/,
    );
    expect(await oversize.getByTestId('test-duration').textContent()).toMatch(/^\d+\.\d ms$/);
    await saveScreenshot(page, 'transforms');

    await page.getByTestId('save-transform').click();
    await page.waitForURL(/\/transforms\/[0-9a-f-]{36}$/);
    transformId = lastSegment(page.url());
    await eventually(() => page.getByTestId('transform-summary').textContent()).toBe(
      'Version 1 · attached to no sink',
    );
    expect(await page.getByTestId('transform-version-row').count()).toBe(1);
    const saved = await (
      await fetch(`${server.url}/api/v1/transforms/${transformId}`, {
        headers: { authorization: `Bearer ${world.apiToken}` },
      })
    ).json();
    expect(saved.transform).toMatchObject({ name: TRANSFORM_NAME, kind: 'code', body: TRANSFORM_CODE });
  });

  it('attaches it in the sink form; the failing message shows what it would send, and a retry delivers it', async () => {
    await page.goto(`${server.url}/sinks/${sinkId}/edit`);
    const form = page.getByTestId('sink-form');
    await form.getByTestId('sink-transform').selectOption({ label: `${TRANSFORM_NAME} (version 1)` });
    await form.getByTestId('save-sink').click();
    await page.waitForURL(`${server.url}/sinks/${sinkId}`);
    await eventually(() => page.getByTestId('sink-transform-link').textContent()).toBe(TRANSFORM_NAME);
    expect(await page.getByTestId('sink-transform-summary').textContent()).toContain('(version 1)');
    expect(await page.getByTestId('counter-filtered').textContent()).toContain('0');

    await showTab('tab-failing');
    await expectRowCount(1);
    await rows().first().getByTestId('open-message').click();
    const drawer = page.getByTestId('message-detail');
    await eventually(() => drawer.getByTestId('message-state').textContent()).toBe('Failing');
    expect(await drawer.getByTestId('message-payload').textContent()).toContain(`"note": "${LONG_NOTE}"`);
    const sent = drawer.getByTestId('message-sent-payload');
    expect(await sent.textContent()).toContain('"note": null');
    expect(await sent.textContent()).toContain('"customer": "Barbara"');
    expect(await drawer.textContent()).toContain(`Payload after ${TRANSFORM_NAME} (version 1)`);

    await drawer.getByTestId('retry-now').click();
    // Paused: the attempt waits for the sink to resume, and the drawer says it waits for its outcome.
    await drawer.getByText('Retrying now: waiting for the outcome of the attempt…').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('resume').click();

    await showTab('tab-delivered');
    await filterMessages({ group: '10' });
    await expectRowCount(1);
    expect(await recordsOf([10], 1)).toEqual([{ id: 10, customer: 'Barbara', note: null }]);
    await expectHealth('healthy');
  });

  it('lists the transform with its sink, and refuses to delete it while attached', async () => {
    await page.goto(`${server.url}/transforms`);
    const row = page.getByTestId('transform-row').filter({ hasText: TRANSFORM_NAME });
    await row.waitFor();
    expect(await row.getByTestId('transform-sinks').textContent()).toBe('orders-transformed');
    await row.getByRole('link', { name: TRANSFORM_NAME }).click();
    await page.waitForURL(`${server.url}/transforms/${transformId}`);

    await page.getByTestId('delete-transform').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByTestId('confirm').click();
    await eventually(() => dialog.getByRole('alert').textContent()).toContain('detach it first');
    await dialog.getByTestId('cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(`${server.url}/transforms/${transformId}`);
  });

  it('sets a filter in the sink form: dropped changes are counted as filtered, the others delivered', async () => {
    await page.goto(`${server.url}/sinks/${sinkId}/edit`);
    const form = page.getByTestId('sink-form');
    const filter = await openCodeField(form, 'sink-filter');
    await filter.click();
    await page.keyboard.type(FILTER_CODE);
    await form.getByTestId('save-sink').click();
    await page.waitForURL(`${server.url}/sinks/${sinkId}`);
    expect(await page.getByTestId('sink-transform-summary').textContent()).toContain(
      'filtered by a function',
    );
    // Saved, the filter applies to every change committed from now on: no wait.
    await source.query(`INSERT INTO orders (id, customer) VALUES (20, 'test account'), (21, 'Grace')`);
    await eventually(() => page.getByTestId('counter-filtered').textContent(), ENGINE_WAIT_MS).toContain('1');
    expect(await recordsOf([21], 1)).toEqual([{ id: 21, customer: 'Grace', note: null }]);
    expect(await recordsOf([20], 0)).toEqual([]);
  });

  it('routes to another stream with the routing field: the policy lists it, the message detail names it', async () => {
    const vip = await createTestStream(kinesisEndpoint(), { shardCount: 1 });
    await page.goto(`${server.url}/sinks/${sinkId}/edit`);
    const form = page.getByTestId('sink-form');
    const routing = await openCodeField(form, 'sink-routing');
    await routing.click();
    await page.keyboard.type(`(message) => ({ streamArn: '${vip.streamArn}' })`);
    const policy = form.getByTestId('iam-policy');
    await eventually(() => policy.textContent()).toContain(vip.streamArn);
    expect(await form.getByTestId('iam-policy-routing').textContent()).toContain('same grants');
    // Streams the function builds at run time: an ARN is granted as typed, a pattern only once
    // the person confirms what it covers, and anything else is said back and left out.
    const pattern = 'arn:aws:kinesis:*:000000000000:stream/orders-*';
    const built = 'arn:aws:kinesis:eu-west-1:000000000000:stream/orders-built';
    await form.getByTestId('other-routed-streams').fill(`${built}, ${pattern}, orders-typo`);
    await eventually(() => policy.textContent()).toContain(built);
    expect(await policy.textContent()).not.toContain(pattern);
    expect(await form.getByTestId('field-error-other-routed-streams').textContent()).toContain('orders-typo');
    await form.getByTestId('confirm-stream-patterns').check();
    await eventually(() => policy.textContent()).toContain(pattern);
    await form.getByTestId('save-sink').click();
    await page.waitForURL(`${server.url}/sinks/${sinkId}`);

    await source.query(`INSERT INTO orders (id, customer) VALUES (30, 'Routed')`);
    await eventually(async () => {
      const records = await readAllRecords(kinesisEndpoint(), vip.streamArn);
      return records.map((record) => String(JSON.parse(record.data).record?.id));
    }, ENGINE_WAIT_MS).toContain('30');
    await showTab('tab-delivered');
    await filterMessages({ group: '30' });
    await expectRowCount(1);
    await rows().first().getByTestId('open-message').click();
    const drawer = page.getByTestId('message-detail');
    await eventually(() => drawer.getByTestId('delivered-stream').textContent()).toBe(vip.streamArn);
    vipStreamArn = vip.streamArn;
  });

  it('shows deliveries per stream, tests the routing function, and tests each routed stream', async () => {
    // The sink page counts what each stream took over the chart's range.
    await page.goto(`${server.url}/sinks/${sinkId}`);
    const perStream = page.getByTestId('deliveries-by-stream');
    const vipRow = perStream.locator(`[data-stream-arn="${vipStreamArn}"]`);
    await eventually(() => vipRow.getByTestId('stream-delivered').textContent(), ENGINE_WAIT_MS).toBe('1');
    expect(await perStream.getByTestId('stream-deliveries').count()).toBe(2);
    await page.getByTestId('range-24h').click();
    await eventually(() => perStream.textContent()).toContain('the last 24 hours');

    // The test panel runs the function as typed on the sink's messages: each goes to the VIP stream.
    await page.goto(`${server.url}/sinks/${sinkId}/edit`);
    const form = page.getByTestId('sink-form');
    const missingArn = vipStreamArn.replace(/stream\/.+$/, 'stream/no-such-vip-stream');
    const routing = await openCodeField(form, 'sink-routing');
    await routing.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(
      `(message) => ({ 30: '${vipStreamArn}', 21: '${missingArn}' })[String(message.record.id)] ?? null`,
    );
    const panel = form.getByTestId('routing-test');
    await panel.locator('summary').click();
    await panel.getByTestId('run-routing-test').click();
    const results = panel.getByTestId('routing-test-result');
    await eventually(() => results.count()).toBeGreaterThan(0);
    const streams = await panel.getByTestId('routing-test-stream').allTextContents();
    expect(streams).toContain(vipStreamArn);
    expect(await panel.getByTestId('routing-test-error').first().textContent()).toContain('routing_failed');

    // A pasted message shows its stream too.
    await panel.getByTestId('routing-test-source-pasted').check();
    await panel.getByTestId('routing-test-message').fill('{ "record": { "id": 30 } }');
    await panel.getByTestId('run-routing-test').click();
    await eventually(() => results.count()).toBe(1);
    expect(await panel.getByTestId('routing-test-stream').textContent()).toBe(vipStreamArn);

    // Test connection checks each stream the function returned for the recent messages.
    await form.getByTestId('test-connection').click();
    const routed = form.getByTestId('routed-streams-result');
    await eventually(() => routed.getByTestId('routed-stream').count()).toBe(2);
    const vipResult = routed
      .locator(`[data-stream-arn="${vipStreamArn}"]`)
      .getByTestId('routed-stream-result');
    expect(await vipResult.getAttribute('data-ok')).toBe('true');
    const missingResult = routed
      .locator(`[data-stream-arn="${missingArn}"]`)
      .getByTestId('routed-stream-result');
    expect(await missingResult.getAttribute('data-ok')).toBe('false');
    expect(await missingResult.textContent()).toContain('ResourceNotFoundException');
    // The other messages name no stream: counted as failures, as delivery would fail them.
    expect(await routed.getByTestId('routing-failures').textContent()).toMatch(
      /The routing function failed on \d+ messages/,
    );
  });
});

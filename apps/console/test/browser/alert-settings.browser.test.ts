import { startWebhookReceiver, type WebhookReceiver } from '@shardline/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingViolations } from './accessibility';
import { saveScreenshot } from './browser';
import { consoleHelpers, eventually } from './console-helpers';
import { type ConsoleWorld, signIn, startConsoleWorld, stopConsoleWorld, UI_WAIT_MS } from './console-world';

const VIEWER = { email: 'ada@shardline.test', password: 'a viewer of the alerts', role: 'viewer' };
const SINK_NAME = 'orders-alerting';

const world: Partial<ConsoleWorld> = {};
let page: Page;
let receiver: WebhookReceiver;
/** The part of the webhook's URL that is its secret: never on a page. */
let secretPath: string;

const { post: api, createOrdersSink } = consoleHelpers(world);

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ source, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL)');
  await createOrdersSink({ name: SINK_NAME });
  await api('/accounts', VIEWER);
  receiver = await startWebhookReceiver();
  secretPath = new URL(receiver.url).pathname;
});

afterAll(async () => {
  await receiver?.stop();
  await stopConsoleWorld(world);
});

async function readSettings() {
  const response = await fetch(`${world.server?.url}/api/v1/alerts/settings`, {
    headers: { authorization: `Bearer ${world.apiToken}` },
  });
  return (await response.json()) as {
    settings: { thresholds: Record<string, number | null> };
    sinks: Array<{ sinkName: string; thresholds: Record<string, number | null> }>;
  };
}

describe('alert settings in a browser', () => {
  it('lets an admin save a webhook, shown by its host only, and send it a test notification', async () => {
    await page.goto(`${world.server?.url}/alerts`);
    await page.getByRole('link', { name: 'Settings: webhook and thresholds' }).click();
    await page.waitForURL(/\/alerts\/settings$/);
    const status = page.getByTestId('webhook-status');
    expect(await status.textContent()).toMatch(/No webhook is set in the console/);

    await page.getByLabel('Webhook URL', { exact: true }).fill(receiver.url);
    await page.getByRole('button', { name: 'Save webhook' }).click();
    const host = new URL(receiver.url).host;
    await eventually(() => status.textContent()).toContain(`A webhook is set: notices go to ${host}`);
    // Write-only: the field is emptied and the address is nowhere on the page.
    expect(await page.getByLabel('New webhook URL', { exact: true }).inputValue()).toBe('');
    expect(await page.content()).not.toContain(secretPath);

    await page.getByRole('button', { name: 'Send test notification' }).click();
    const outcome = page.getByTestId('test-outcome');
    await eventually(() => outcome.textContent()).toMatch(
      new RegExp(`The webhook at ${host} answered HTTP 200: it took the test notification`),
    );
    expect(receiver.bodies).toEqual([
      expect.objectContaining({ test: true, text: expect.stringContaining('Test notification, sent by') }),
    ]);
    await saveScreenshot(page, 'alert-settings');
    expect(await blockingViolations(page, 'alert settings (admin)')).toEqual([]);

    // A webhook that refuses: the person reads the status it answered.
    receiver.status = 503;
    await page.getByRole('button', { name: 'Send test notification' }).click();
    await eventually(() => outcome.textContent()).toMatch(/did not go through: .* answered 503/);
    receiver.status = 200;
  });

  it("lets an admin set the installation's threshold and one sink's own", async () => {
    await page.getByLabel('A sink failing for longer than (s)', { exact: true }).fill('120');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Thresholds saved.').waitFor();

    await page.getByLabel(`${SINK_NAME}: a sink throttled by kinesis for longer than (s)`).fill('90');
    await page.getByRole('button', { name: `Save the thresholds of ${SINK_NAME}` }).click();
    await page.getByTestId('sink-thresholds-row').getByText('Saved').waitFor();

    const saved = await readSettings();
    expect(saved.settings.thresholds.sinkFailingMs).toBe(120_000);
    expect(saved.sinks).toEqual([
      expect.objectContaining({
        sinkName: SINK_NAME,
        thresholds: expect.objectContaining({ sinkThrottledMs: 90_000 }),
      }),
    ]);

    // Out of range: the person reads why, next to the field, and nothing is saved.
    await page.getByLabel('A group blocked for longer than (s)', { exact: true }).fill('0.5');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await eventually(() => page.getByTestId('field-error-threshold-groupBlockedMs').textContent()).toMatch(
      /at least 1,000 ms \(1 s\)/,
    );
    expect((await readSettings()).settings.thresholds.groupBlockedMs).toBeNull();
  });

  it('shows a viewer the settings read-only: the host, the thresholds, no field and no button', async () => {
    const context = await world.browser?.newContext({ viewport: { width: 1280, height: 900 } });
    if (!context) throw new Error('no browser');
    try {
      const viewerPage = await context.newPage();
      viewerPage.setDefaultTimeout(UI_WAIT_MS);
      await signIn(viewerPage, world.server?.url ?? '', VIEWER.email, VIEWER.password);
      await viewerPage.goto(`${world.server?.url}/alerts/settings`);
      const status = viewerPage.getByTestId('webhook-status');
      await status.waitFor();
      expect(await status.textContent()).toContain(`notices go to ${new URL(receiver.url).host}`);
      const thresholds = viewerPage.getByTestId('installation-thresholds');
      expect(await thresholds.textContent()).toContain('120 s (set in the console)');
      expect(await thresholds.textContent()).toContain(
        "the engine's SHARDLINE_ALERT_SINK_THROTTLED_MS (600 s unless set)",
      );
      expect(await viewerPage.getByTestId('sink-thresholds-row').textContent()).toContain('90 s');

      expect(await viewerPage.getByRole('textbox').count()).toBe(0);
      expect(await viewerPage.getByRole('spinbutton').count()).toBe(0);
      for (const name of ['Save webhook', 'Send test notification', 'Remove webhook', 'Save thresholds']) {
        expect(await viewerPage.getByRole('button', { name }).count()).toBe(0);
      }
      expect(await viewerPage.content()).not.toContain(secretPath);
      expect(await blockingViolations(viewerPage, 'alert settings (viewer)')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

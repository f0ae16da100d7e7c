import { randomBytes } from 'node:crypto';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingViolations } from './accessibility';
import { saveScreenshot } from './browser';
import { consoleHelpers, eventually, lastSegment } from './console-helpers';
import type { ConsoleServer } from './console-server';
import {
  type ConsoleWorld,
  ENGINE_WAIT_MS,
  startConsoleWorld,
  stopConsoleWorld,
  UI_WAIT_MS,
} from './console-world';

/** The sink's record size limit: a row with a long note goes over it. */
const RECORD_LIMIT_KIB = 2;
// Nothing listens on port 1: a sink pointed there fails every delivery at once.
const UNREACHABLE_ENDPOINT = 'http://127.0.0.1:1';
const TABLE = 'public.orders';
/** The first administrator, created on the first-run page. */
const ADMIN = { email: 'ada@shardline.test', password: 'the first administrator' };
const VIEWER = { email: 'grace@shardline.test', password: 'a viewer who only looks' };

const world: Partial<ConsoleWorld> = {};
let source: ConsoleWorld['source'];
let stream: ConsoleWorld['stream'];
let server: ConsoleServer;
let page: Page;
let sourceName: string;
let sourceId: string;
let sinkId: string;

beforeAll(async () => {
  // A new installation: no account yet, so the first test creates the administrator.
  ({ source, stream, server, page } = await startConsoleWorld(world, { firstRun: true }));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
  // Slot and publication names are server-wide: a name of its own per run.
  sourceName = `shop_${randomBytes(3).toString('hex')}`;
});

afterAll(() => stopConsoleWorld(world));

// --- helpers -------------------------------------------------------------------------------

const { showTab, filterMessages, rows, expectRowCount, recordsOf, ...helpers } = consoleHelpers(world);

async function openSink(): Promise<void> {
  await helpers.openSink(sinkId);
}

/**
 * Opens the sink's edit form, sets the endpoint override, saves (anyway, when the endpoint does
 * not answer the checks) and waits for the sink page.
 */
async function setEndpoint(endpoint: string, options: { saveAnyway?: boolean } = {}): Promise<void> {
  await page.goto(`${server.url}/sinks/${sinkId}/edit`);
  const form = page.getByTestId('sink-form');
  await form.waitFor();
  await form.getByText('Advanced', { exact: true }).click();
  await form.getByTestId('endpoint').fill(endpoint);
  // The saved secret is only ever sent to the endpoint it was saved with: a new one needs it again.
  await form.getByTestId('secret-access-key').fill('emulator-secret');
  await form.getByTestId('save-sink').click();
  if (options.saveAnyway) {
    const failed = form.getByTestId('checks-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('ECONNREFUSED');
    await failed.getByTestId('save-anyway').click();
  }
  await page.waitForURL(`${server.url}/sinks/${sinkId}`);
  await page.getByTestId('messages').waitFor();
}

// --- tests ---------------------------------------------------------------------------------

describe('the console in a browser', () => {
  it('sends a new installation to sign-in, then to the first-run setup that creates the administrator', async () => {
    await page.goto(`${server.url}/sinks`);
    await page.waitForURL(/\/setup$/);
    const form = page.getByTestId('setup-form');
    await form.waitFor();
    expect(await blockingViolations(page, 'setup')).toEqual([]);
    await form.getByTestId('email').fill(ADMIN.email);
    await form.getByTestId('password').fill('too short');
    await form.getByTestId('submit-credentials').click();
    expect(await form.getByTestId('credentials-error').textContent()).toMatch(/at least 12 characters/);
    await form.getByTestId('password').fill(ADMIN.password);
    await form.getByTestId('submit-credentials').click();
    await page.waitForURL(/\/sinks$/);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(`${ADMIN.email} (admin)`);

    // Setup is gone once an account exists.
    await page.goto(`${server.url}/setup`);
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${server.url}/sinks`);
    await page.getByTestId('signed-in-as').waitFor();
  });

  it('adds a source through the form, after a check that shows the checklist', async () => {
    // A new installation says what to do first.
    await page.goto(`${server.url}/sinks`);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('create-sink').getAttribute('href')).toBe('/sinks/new');

    await page.goto(`${server.url}/sources/new`);
    const form = page.getByTestId('source-form');
    await form.getByTestId('source-name').fill(sourceName);
    await form.getByTestId('source-url').fill(source.url);
    await form.getByTestId('check-source').click();

    const checks = form.getByTestId('check-list').getByTestId('check');
    await checks.first().waitFor();
    expect(await checks.count()).toBeGreaterThanOrEqual(4);
    expect(await form.getByTestId('check-list').textContent()).toContain('Connected');
    expect(await form.locator('[data-testid="check"][data-status="error"]').count()).toBe(0);
    await saveScreenshot(page, 'source-form');

    await form.getByTestId('save-source').click();
    await page.waitForURL(/\/sources\/[0-9a-f-]{36}$/);
    sourceId = lastSegment(page.url());
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(sourceName);
    // The saved source's own checks run against its database too.
    await page.getByTestId('check-list').waitFor();
  });

  it('creates a sink through the form: a bad ARN and an unknown stream are explained, then it saves healthy', async () => {
    await page.goto(`${server.url}/sinks/new`);
    const form = page.getByTestId('sink-form');
    await form.getByTestId('sink-name').fill('orders-to-kinesis');

    // A value that is not an ARN is refused as typed, naming the expected format.
    const arn = form.getByTestId('stream-arn');
    await arn.fill('orders-stream');
    await arn.blur();
    const arnError = form.getByText(
      'not a stream ARN: expected arn:aws:kinesis:<region>:<account-id>:stream/<stream-name>',
    );
    await arnError.waitFor();
    expect(await arn.getAttribute('aria-invalid')).toBe('true');

    // A well-formed ARN of a stream that does not exist: the AWS error and what to do about it.
    await form.getByText('Advanced', { exact: true }).click();
    await form.getByTestId('endpoint').fill(kinesisEndpoint());
    await form.getByTestId('access-key-id').fill('AKIAEMULATOR');
    await form.getByTestId('secret-access-key').fill('emulator-secret');
    await arn.fill(stream.streamArn.replace(/stream\/.+$/, 'stream/no-such-stream'));
    await arnError.waitFor({ state: 'detached' });
    await form.getByTestId('test-connection').click();
    const result = form.getByTestId('test-connection-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('false');
    const failure = await result.textContent();
    expect(failure).toContain('ResourceNotFoundException');
    expect(failure).toContain('no-such-stream');
    expect(failure).toMatch(/Unknown stream: no stream named no-such-stream exists in region us-east-1/);

    // The real stream answers.
    await arn.fill(stream.streamArn);
    await eventually(() => form.getByTestId('stream-region').textContent()).toBe('us-east-1');
    await form.getByTestId('test-connection').click();
    await eventually(() => result.getAttribute('data-ok')).toBe('true');
    const connected = await result.textContent();
    expect(connected).toContain(stream.streamName);
    expect(connected).toContain('status ACTIVE, 1 shard');
    // The emulator reports no record size limit: never shown as a limit of 0 bytes.
    expect(connected).not.toMatch(/limit 0 B/);
    // The policy to grant names this very stream.
    const policy = JSON.parse((await form.getByTestId('iam-policy').textContent()) ?? '{}');
    expect(JSON.stringify(policy)).toContain(`"Resource":"${stream.streamArn}"`);
    expect(JSON.stringify(policy)).toContain('kinesis:PutRecords');

    // What to send: the source's orders table, grouped by its primary key.
    await form.getByTestId('sink-source').selectOption(sourceId);
    const table = form.getByTestId(`table-${TABLE}`);
    await table.check();
    const byPrimaryKey = form.getByTestId(`group-by-primary-key-${TABLE}`);
    await byPrimaryKey.waitFor();
    if (!(await byPrimaryKey.isChecked())) await byPrimaryKey.check();
    await form.getByLabel('Record size limit (KiB)').fill(String(RECORD_LIMIT_KIB));
    // Retries come quickly, so a failing message is tried several times within a test.
    await form.getByLabel('Backoff cap (seconds)').fill('2');
    await saveScreenshot(page, 'sink-form');

    await form.getByTestId('save-sink').click();
    await page.waitForURL(/\/sinks\/[0-9a-f-]{36}$/);
    sinkId = lastSegment(page.url());
    const badge = page.getByTestId('health-badge');
    await eventually(() => badge.getAttribute('data-status')).toBe('healthy');
    expect(await page.getByText(stream.streamArn, { exact: true }).count()).toBe(1);
    expect(await page.getByText(/records up to 2(\.0)? KiB/).count()).toBe(1);

    await page.goto(`${server.url}/sinks`);
    const row = page.getByTestId('sink-row').filter({ hasText: 'orders-to-kinesis' });
    await row.waitFor();
    expect(await row.getByTestId('health-badge').getAttribute('data-status')).toBe('healthy');
  });

  it('shows inserted rows as delivered messages, and they are in the stream', async () => {
    await source.query(
      `INSERT INTO orders (id, customer, note) VALUES (1, 'Ada', 'first'), (2, 'Grace', 'second'), (3, 'Edsger', null)`,
    );
    await openSink();
    await showTab('tab-delivered');
    await expectRowCount(3);
    const groups = await rows().locator('td:nth-child(4)').allTextContents();
    expect(groups.sort()).toEqual(['1', '2', '3']);
    expect(await rows().locator('td:nth-child(2)').allTextContents()).toEqual([TABLE, TABLE, TABLE]);
    await eventually(() => page.getByTestId('tab-delivered-count').textContent()).toBe('3');
    await saveScreenshot(page, 'sink');

    const records = await recordsOf([1, 2, 3], 3);
    expect(records.map((row) => row.customer).sort()).toEqual(['Ada', 'Edsger', 'Grace']);

    await page.goto(`${server.url}/sinks`);
    await page.getByTestId('sink-row').first().waitFor();
    await saveScreenshot(page, 'sinks');
  });

  it('shows an oversize message failing with its retries and error, holding its group back until discarded', async () => {
    const group = '10';
    await source.query(`INSERT INTO orders (id, customer, note) VALUES (10, 'Barbara', $1)`, [
      'x'.repeat(RECORD_LIMIT_KIB * 1024 + 500),
    ]);
    await source.query(`UPDATE orders SET note = 'shortened' WHERE id = 10`);
    await source.query(`UPDATE orders SET customer = 'Barbara L.' WHERE id = 10`);

    await openSink();
    await showTab('tab-failing');
    await expectRowCount(1);
    const failing = rows().first();
    const deliverCount = failing.getByTestId('deliver-count');
    await eventually(async () => Number(await deliverCount.textContent()), ENGINE_WAIT_MS).toBeGreaterThan(1);
    expect(await deliverCount.getAttribute('data-highlighted')).toBe('true');
    const lastError = await failing.getByTestId('last-error').textContent();
    expect(lastError).toContain('RecordTooLarge');
    expect(lastError).toMatch(/over the stream's limit of 2\.0 KiB \(2,048 bytes\)/);
    expect(await failing.locator('td:nth-child(4)').textContent()).toBe(group);
    await eventually(() => page.getByTestId('health-badge').first().getAttribute('data-status')).toBe(
      'failing',
    );
    // The engine raised an alert: a banner on the sink's page, and a count in the navigation.
    const banner = page.locator('[data-testid="alert-banner"][data-kind="message_too_large"]');
    await banner.waitFor({ timeout: ENGINE_WAIT_MS });
    expect(await banner.getByTestId('alert-summary').textContent()).toMatch(
      /^1 message fails for being over the stream's record size limit/,
    );
    await eventually(() => page.getByTestId('active-alerts-count').textContent()).toBe('1');
    await saveScreenshot(page, 'failing');

    // The group's later changes wait behind it, and nothing of the group reached the stream.
    await showTab('tab-waiting');
    await filterMessages({ group });
    await expectRowCount(2);
    expect(await recordsOf([10], 0)).toEqual([]);

    // Open it and discard it.
    await filterMessages({});
    await showTab('tab-failing');
    await rows().first().getByTestId('open-message').click();
    const drawer = page.getByTestId('message-detail');
    await eventually(() => drawer.getByTestId('message-state').textContent()).toBe('Failing');
    expect(await drawer.getByTestId('message-last-error').textContent()).toContain('RecordTooLarge');
    expect(await drawer.getByTestId('message-payload').textContent()).toContain('"customer": "Barbara"');
    await saveScreenshot(page, 'message');
    await drawer.getByTestId('discard').click();
    const confirm = drawer.getByTestId('confirm-dialog');
    await confirm.getByTestId('discard-reason').fill('too large for the stream');
    await confirm.getByTestId('confirm').click();
    await confirm.waitFor({ state: 'hidden' });
    await eventually(() => drawer.getByTestId('message-state').textContent()).toBe('Discarded');
    // The detail says who discarded it, from the audit trail.
    expect(await drawer.getByTestId('message-audit-event').first().textContent()).toContain(
      `Discarded by ${ADMIN.email} · too large for the stream`,
    );
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The rest of the group goes out, in order.
    await showTab('tab-delivered');
    await filterMessages({ group });
    await expectRowCount(2);
    const delivered = await recordsOf([10], 2);
    expect(delivered.map((row) => [row.customer, row.note])).toEqual([
      ['Barbara', 'shortened'],
      ['Barbara L.', 'shortened'],
    ]);
    await showTab('tab-discarded');
    await expectRowCount(1, UI_WAIT_MS);
    await eventually(() => page.getByTestId('health-badge').first().getAttribute('data-status')).toBe(
      'healthy',
    );
    // The discard cleared the alert: no banner, and the Alerts page keeps it as history.
    await banner.waitFor({ state: 'detached', timeout: ENGINE_WAIT_MS });
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    const history = page.getByTestId('resolved-alerts').getByTestId('alert-row');
    await history.first().waitFor();
    expect(await history.first().getAttribute('data-kind')).toBe('message_too_large');
    expect(await history.first().getByTestId('alert-state').textContent()).toMatch(/^Resolved after /);
    await saveScreenshot(page, 'alerts');
  });

  it('shows a viewer the messages but no Discard, Retry, Edit or Delete', async () => {
    await page.goto(`${server.url}/access`);
    const form = page.getByTestId('account-form');
    await form.getByTestId('account-email').fill(VIEWER.email);
    await form.getByTestId('account-password').fill(VIEWER.password);
    await form.getByTestId('account-role').selectOption('viewer');
    await form.getByTestId('create-account').click();
    await eventually(() => page.getByTestId('account-row').count()).toBe(2);

    const context = await world.browser?.newContext({ viewport: { width: 1280, height: 900 } });
    if (!context) throw new Error('no browser');
    try {
      const viewerPage = await context.newPage();
      viewerPage.setDefaultTimeout(UI_WAIT_MS);
      // Not signed in: the sink page sends it to sign-in, and back once signed in.
      await viewerPage.goto(`${server.url}/sinks/${sinkId}`);
      await viewerPage.waitForURL(/\/sign-in\?next=/);
      const signInForm = viewerPage.getByTestId('sign-in-form');
      await signInForm.getByTestId('email').fill(VIEWER.email);
      await signInForm.getByTestId('password').fill('not the password');
      await signInForm.getByTestId('submit-credentials').click();
      expect(await signInForm.getByTestId('credentials-error').textContent()).toBe(
        'the email or the password is wrong',
      );
      await signInForm.getByTestId('password').fill(VIEWER.password);
      await signInForm.getByTestId('submit-credentials').click();
      await viewerPage.waitForURL(`${server.url}/sinks/${sinkId}`);
      expect(await viewerPage.getByTestId('signed-in-as').textContent()).toBe(`${VIEWER.email} (viewer)`);

      await viewerPage.getByTestId('messages').waitFor();
      // A click before hydration is lost: click until the tab is selected.
      const discardedTab = viewerPage.locator('[data-testid="tab-discarded"][aria-selected="true"]');
      await eventually(async () => {
        if ((await discardedTab.count()) === 0) await viewerPage.getByTestId('tab-discarded').click();
        return discardedTab.count();
      }).toBe(1);
      const row = viewerPage.getByTestId('message-row').first();
      await row.getByTestId('open-message').click();
      const drawer = viewerPage.getByTestId('message-detail');
      await eventually(() => drawer.getByTestId('message-state').textContent()).toBe('Discarded');
      expect(await drawer.getByTestId('discard').count()).toBe(0);
      expect(await drawer.getByTestId('retry-now').count()).toBe(0);
      expect(await viewerPage.getByTestId('delete-sink').count()).toBe(0);
      expect(await viewerPage.getByTestId('edit-sink').count()).toBe(0);
      await viewerPage.goto(`${server.url}/sinks`);
      await viewerPage.getByTestId('sink-row').first().waitFor();
      expect(await viewerPage.getByText('Create sink').count()).toBe(0);

      // Signing out ends the session: the next page asks to sign in again.
      await viewerPage.getByTestId('sign-out').click();
      await viewerPage.waitForURL(/\/sign-in/);
      await viewerPage.goto(`${server.url}/sinks`);
      await viewerPage.waitForURL(/\/sign-in/);
    } finally {
      await context.close();
    }
  });

  it('lets an admin change a role and reset a password, and anyone change their own', async () => {
    await page.goto(`${server.url}/access`);
    const row = page.getByTestId('account-row').filter({ hasText: VIEWER.email });
    await row.getByTestId('account-row-role').selectOption('admin');
    await eventually(() => row.getByTestId('account-row-notice').textContent()).toBe(
      `${VIEWER.email} is now admin; its sessions have ended.`,
    );
    await row.getByTestId('account-row-role').selectOption('viewer');
    await eventually(() => row.getByTestId('account-row-notice').textContent()).toBe(
      `${VIEWER.email} is now viewer; its sessions have ended.`,
    );
    const reset = 'a password the administrator set';
    await row.getByTestId('reset-password').click();
    await row.getByTestId('reset-password-input').fill(reset);
    await row.getByTestId('reset-password-save').click();
    await eventually(() => row.getByTestId('account-row-notice').textContent()).toBe(
      `The password of ${VIEWER.email} is reset; its sessions have ended.`,
    );

    const context = await world.browser?.newContext({ viewport: { width: 1280, height: 900 } });
    if (!context) throw new Error('no browser');
    try {
      const viewerPage = await context.newPage();
      viewerPage.setDefaultTimeout(UI_WAIT_MS);
      await viewerPage.goto(`${server.url}/sign-in`);
      const signInForm = viewerPage.getByTestId('sign-in-form');
      await signInForm.getByTestId('email').fill(VIEWER.email);
      await signInForm.getByTestId('password').fill(reset);
      await signInForm.getByTestId('submit-credentials').click();
      await viewerPage.waitForURL(`${server.url}/sinks`);
      await viewerPage.getByTestId('signed-in-as').click();
      await viewerPage.waitForURL(`${server.url}/account`);
      const form = viewerPage.getByTestId('change-password-form');
      await form.getByTestId('current-password').fill('not the current one');
      await form.getByTestId('new-password').fill(VIEWER.password);
      await form.getByTestId('change-password').click();
      await eventually(() => form.getByRole('alert').textContent()).toBe(
        'currentPassword: the current password is wrong',
      );
      await form.getByTestId('current-password').fill(reset);
      await form.getByTestId('change-password').click();
      await form.getByTestId('password-changed').waitFor();
      await saveScreenshot(viewerPage, 'account');
    } finally {
      await context.close();
    }
  });

  it('retries a filtered set of failing messages in bulk, showing the count first and then the progress', async () => {
    // Deliveries fail while the sink points at an endpoint where nothing listens.
    await setEndpoint(UNREACHABLE_ENDPOINT, { saveAnyway: true });
    const ids = [20, 21, 22, 23];
    await source.query(
      `INSERT INTO orders (id, customer, note) SELECT g, 'bulk ' || g, 'bulk retry' FROM unnest($1::bigint[]) AS g`,
      [ids],
    );
    await openSink();
    await showTab('tab-failing');
    await expectRowCount(ids.length);
    const codes = await rows().getByTestId('last-error').locator('code').allTextContents();
    expect(new Set(codes)).toEqual(new Set(['ECONNREFUSED']));

    // Stopped, so that only the bulk retry sends them again once the endpoint is fixed.
    await page.getByTestId('pause').click();
    await eventually(() => page.getByTestId('health-badge').first().getAttribute('data-status')).toBe(
      'paused',
    );
    await setEndpoint(kinesisEndpoint());

    await showTab('tab-failing');
    await filterMessages({ table: TABLE, errorCode: 'ECONNREFUSED' });
    await expectRowCount(ids.length);
    await eventually(() => page.getByTestId('tab-failing-count').textContent()).toBe(String(ids.length));
    await page.getByTestId('bulk-retry').click();
    const dialog = page.getByTestId('bulk-dialog');
    const count = await dialog.getByTestId('bulk-count').textContent();
    expect(count).toBe(`${ids.length} failing messages will be attempted again now.`);
    expect(await dialog.textContent()).toContain(`Filter: table ${TABLE}, error ECONNREFUSED.`);
    await dialog.getByTestId('confirm').click();
    const progress = dialog.getByTestId('bulk-progress');
    await progress.waitFor();
    await eventually(() => progress.getAttribute('data-finished'), ENGINE_WAIT_MS).toBe('true');
    expect(await progress.getAttribute('data-state')).toBe('done');
    expect(await progress.getByRole('status').textContent()).toMatch(
      new RegExp(`^${ids.length} of ${ids.length} retried`),
    );
    await dialog.getByTestId('cancel').click();

    await page.getByTestId('resume').click();
    await expectRowCount(0);
    await showTab('tab-delivered');
    await filterMessages({ table: TABLE });
    const deliveredGroups = async () =>
      (await rows().locator('td:nth-child(4)').allTextContents()).filter((group) =>
        ids.includes(Number(group)),
      );
    await eventually(async () => (await deliveredGroups()).length, ENGINE_WAIT_MS).toBe(ids.length);
    const records = await recordsOf(ids, ids.length);
    expect(records.map((row) => String(row.id)).sort()).toEqual(ids.map(String));
    await eventually(() => page.getByTestId('health-badge').first().getAttribute('data-status')).toBe(
      'healthy',
    );
  });

  it('shows markup in a payload as text, never running it', async () => {
    const markup = '<script>window.__pwned = true</script>';
    await source.query(`INSERT INTO orders (id, customer, note) VALUES (30, $1, $1)`, [markup]);
    await openSink();
    await showTab('tab-delivered');
    await filterMessages({ group: '30' });
    await expectRowCount(1);
    await rows().first().getByTestId('open-message').click();
    const payload = page.getByTestId('message-detail').getByTestId('message-payload');
    await eventually(() => payload.textContent()).toContain(`"customer": "${markup}"`);
    // Shown as characters, not parsed into an element.
    expect(await payload.locator('script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
  it('stops refreshing while Live is off, and picks up new messages when it is back on', async () => {
    await openSink();
    await showTab('tab-delivered');
    await filterMessages({ group: '40' });
    await page.getByTestId('live-toggle').uncheck();
    await source.query(`INSERT INTO orders (id, customer, note) VALUES (40, 'Live', 'off')`);
    await recordsOf([40], 1); // delivered, as the stream shows
    // Two refresh periods pass with nothing new on screen.
    await page.waitForTimeout(7_000);
    expect(await rows().count()).toBe(0);
    await page.getByTestId('live-toggle').check();
    await expectRowCount(1, UI_WAIT_MS);
  });

  it('explains a sink that does not exist, and is driven from the keyboard', async () => {
    await page.goto(`${server.url}/sinks/00000000-0000-4000-8000-000000000000`);
    const error = page.getByTestId('error-state');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/does not exist|not found/i);

    // From the sinks list, Tab reaches the sink's link and Enter opens it.
    await page.goto(`${server.url}/sinks`);
    await page.getByTestId('sink-row').first().waitFor();
    const link = page.getByTestId('sink-row').first().getByRole('link').first();
    for (let press = 0; press < 30; press++) {
      await page.keyboard.press('Tab');
      if (await link.evaluate((element) => element === document.activeElement)) break;
    }
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sinks\/[0-9a-f-]{36}$/);
  });
  // Last: it removes the sink the tests above use.
  it('deletes a sink only after confirming, saying how many messages go undelivered, and the list is empty again', async () => {
    // A message that will not go through: deleting the sink deletes it undelivered.
    await source.query(`INSERT INTO orders (id, customer, note) VALUES (99, 'Hedy', $1)`, [
      'x'.repeat(RECORD_LIMIT_KIB * 1024 + 500),
    ]);
    const countsOf = async () =>
      (await (await page.request.get(`${server.url}/api/v1/sinks/${sinkId}`)).json()).sink.counts;
    await eventually(async () => (await countsOf()).failing, ENGINE_WAIT_MS).toBe(1);
    await openSink();
    await page.getByTestId('delete-sink').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('delete-sink-waiting').textContent()).toContain(
      `${(await countsOf()).waiting} waiting and 1 failing`,
    );
    await dialog.getByTestId('cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/sinks\/[0-9a-f-]{36}$/);

    await page.getByTestId('delete-sink').click();
    await dialog.getByTestId('confirm').click();
    await page.waitForURL(/\/sinks$/);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('sink-row').count()).toBe(0);
  });

  it('lists what was done on the Audit page, newest first, and filters it by action', async () => {
    await page.goto(`${server.url}/audit`);
    const auditRows = page.getByTestId('audit-row');
    await eventually(() => auditRows.first().getAttribute('data-action')).toBe('sink.delete');
    await saveScreenshot(page, 'audit');

    // A click before hydration is lost: choose and apply again until the table shows only discards.
    const actionsShown = () =>
      auditRows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-action')));
    await eventually(async () => {
      await page.getByTestId('audit-filter-action').selectOption('message.discard');
      await page.getByTestId('audit-apply-filters').click();
      const actions = await actionsShown();
      return actions.length > 0 && actions.every((action) => action === 'message.discard');
    }).toBe(true);
    const discard = auditRows.first();
    expect(await discard.getByTestId('audit-actor').textContent()).toBe(ADMIN.email);
    expect(await discard.getByTestId('audit-details').textContent()).toBe('Reason: too large for the stream');
    expect(await discard.getByTestId('audit-target').textContent()).toMatch(/^\d+ of /);
  });
});

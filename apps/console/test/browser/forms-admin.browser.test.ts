import { randomBytes } from 'node:crypto';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHelpers, eventually } from './console-helpers';
import type { ConsoleServer } from './console-server';
import { ADMIN_EMAIL, type ConsoleWorld, signIn, startConsoleWorld, stopConsoleWorld } from './console-world';

// Issue 18, points 7, 8 and 10, and creating the stream from the sink form: what a viewer, an
// admin on the Access page, and a person filling in the source and sink forms see.
const VIEWER = { email: 'ada@shardline.test', password: 'a viewer who reads along', role: 'viewer' };
const suffix = randomBytes(3).toString('hex');

const world: Partial<ConsoleWorld> = {};
let server: ConsoleServer;
let page: Page;
let sinkId: string;
let transformId: string;

const { post: api, createOrdersSink } = consoleHelpers(world);

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ source, server, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL)');
  sinkId = await createOrdersSink({ name: 'orders-for-the-forms' });
  transformId = (
    await api<{ transform: { id: string } }>('/transforms', {
      name: 'drop-the-note',
      kind: 'code',
      body: '(message) => message',
    })
  ).transform.id;
});

afterAll(() => stopConsoleWorld(world));

/** Opens `/access` and waits until its lists have loaded. */
async function openAccess(): Promise<void> {
  await page.goto(`${server.url}/access`);
  await page.getByTestId('account-row').first().waitFor();
}

describe('the Access page', () => {
  it('labels every field, says when there is nobody else, and clears an error after a later success', async () => {
    await openAccess();
    const accounts = page.getByTestId('accounts');
    // Only the administrator so far.
    await accounts.getByText('No other accounts yet').waitFor();

    // A refused password: the error names the rule.
    await page.getByLabel('Email', { exact: true }).fill(VIEWER.email);
    await page.getByLabel('First password').fill('password1234');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add account' }).click();
    const accountError = page.getByTestId('account-form-error');
    await eventually(() => accountError.textContent()).toMatch(/^password: .*common passwords/);

    // A token without a name is refused too: two errors on the page.
    await page.getByRole('button', { name: 'Create token' }).click();
    const tokenError = page.getByTestId('token-form-error');
    await eventually(() => tokenError.textContent()).toMatch(/^name: /);

    // The account with a good password: its own error goes, and so does the token form's.
    await page.getByLabel('First password').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Add account' }).click();
    const row = page.getByTestId('account-row').filter({ hasText: VIEWER.email });
    await row.waitFor();
    await eventually(() => accountError.count()).toBe(0);
    await eventually(() => tokenError.count()).toBe(0);
    expect(await accounts.getByText('No other accounts yet').count()).toBe(0);
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('');
  });

  it("changes an account's role from its labelled select, and refuses to demote the last admin", async () => {
    await openAccess();
    const viewerRow = page.getByTestId('account-row').filter({ hasText: VIEWER.email });
    await page.getByLabel(`Role of ${VIEWER.email}`).selectOption('admin');
    await eventually(() => viewerRow.getByTestId('account-row-notice').textContent()).toBe(
      `${VIEWER.email} is now admin; its sessions have ended.`,
    );
    await page.getByLabel(`Role of ${VIEWER.email}`).selectOption('viewer');
    await eventually(() => viewerRow.getByTestId('account-row-notice').textContent()).toBe(
      `${VIEWER.email} is now viewer; its sessions have ended.`,
    );

    // The administrator is now the only one: making it a viewer is refused, and says why.
    const adminRow = page.getByTestId('account-row').filter({ hasText: ADMIN_EMAIL });
    await page.getByLabel(`Role of ${ADMIN_EMAIL}`).selectOption('viewer');
    const refusal = adminRow.getByTestId('account-row-error');
    await eventually(() => refusal.textContent()).toMatch(/last administrator/);
    await eventually(() => page.getByLabel(`Role of ${ADMIN_EMAIL}`).inputValue()).toBe('admin');

    // A password reset for the viewer (labelled) succeeds: the admin row's stale refusal goes.
    await viewerRow.getByRole('button', { name: 'Reset password' }).click();
    await page.getByLabel(`New password for ${VIEWER.email}`).fill(VIEWER.password);
    await viewerRow.getByRole('button', { name: 'Set password', exact: true }).click();
    await eventually(() => viewerRow.getByTestId('account-row-notice').textContent()).toBe(
      `The password of ${VIEWER.email} is reset; its sessions have ended.`,
    );
    await eventually(() => refusal.count()).toBe(0);
  });

  it('shows a new token once, with a copy button, and an empty state once every token is revoked', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await openAccess();
    await page.getByLabel('Token name').fill('deploy-pipeline');
    await page.getByLabel('Token role').selectOption('viewer');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('new-token');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('Copy the token now: it is shown once.');
    const token = (await shown.getByTestId('new-token-value').textContent()) ?? '';
    expect(token).toMatch(/^shl_/);
    await shown.getByRole('button', { name: 'Copy token' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    // Revoking every token (this run's seeding one included: nothing needs it from here on).
    const tokens = page.getByTestId('token-row');
    await eventually(() => tokens.count()).toBe(2);
    for (let left = 2; left > 0; left--) {
      await tokens.first().getByRole('button', { name: 'Revoke' }).click();
      await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Revoke token' }).click();
      await eventually(() => tokens.count()).toBe(left - 1);
    }
    await page.getByTestId('tokens').getByText('No API tokens yet').waitFor();
  });
});

describe('a viewer', () => {
  it('opening a page that creates or edits sees that the role cannot, and who can, with a way back', async () => {
    const context = await world.browser?.newContext({ viewport: { width: 1280, height: 900 } });
    if (!context) throw new Error('no browser');
    try {
      const viewerPage = await context.newPage();
      await signIn(viewerPage, server.url, VIEWER.email, VIEWER.password);
      const pages: Array<[path: string, action: string, back: string]> = [
        ['/sinks/new', 'create sinks', '/sinks'],
        [`/sinks/${sinkId}/edit`, 'edit sinks', `/sinks/${sinkId}`],
        ['/sources/new', 'add sources', '/sources'],
        ['/transforms/new', 'create transforms', '/transforms'],
        [`/transforms/${transformId}`, 'edit transforms', '/transforms'],
        ['/access', 'manage accounts and API tokens', '/sinks'],
      ];
      for (const [path, action, back] of pages) {
        await viewerPage.goto(`${server.url}${path}`);
        const notice = viewerPage.getByTestId('role-cannot-change');
        await notice.waitFor();
        expect(await notice.getByRole('heading').textContent(), path).toBe(`Your role cannot ${action}`);
        expect(await notice.getByTestId('your-role').textContent(), path).toBe('viewer');
        expect(await notice.getByTestId('roles-that-can').textContent(), path).toBe('an admin');
        expect(await notice.textContent(), path).toContain(`You are signed in as ${VIEWER.email}`);
        expect(await notice.getByRole('link').getAttribute('href'), path).toBe(back);
        // No form that could only fail on submit.
        expect(await viewerPage.locator('form').count(), path).toBe(0);
      }
      // The way back leads back.
      await viewerPage.getByTestId('role-cannot-change').getByRole('link').click();
      await viewerPage.waitForURL(`${server.url}/sinks`);

      // Lists and detail pages offer no create, edit or delete.
      await viewerPage.goto(`${server.url}/sources`);
      await viewerPage.getByTestId('source-row').first().waitFor();
      expect(await viewerPage.getByRole('link', { name: 'Add source' }).count()).toBe(0);
      await viewerPage.goto(`${server.url}/transforms`);
      await viewerPage.getByText('drop-the-note').waitFor();
      expect(await viewerPage.getByRole('link', { name: 'Create transform' }).count()).toBe(0);
      await viewerPage.goto(`${server.url}/transforms/${transformId}`);
      await viewerPage.getByTestId('transform-versions').waitFor();
      expect(await viewerPage.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the source form', () => {
  it('says "No tables chosen yet" once', async () => {
    await page.goto(`${server.url}/sources/new`);
    const form = page.getByTestId('source-form');
    await form.getByLabel('Name', { exact: true }).fill(`warehouse_${suffix}`);
    await form.getByLabel('Connection URL').fill(world.source?.url ?? '');
    await form.getByRole('button', { name: 'Check' }).click();
    const checks = form.getByTestId('check-list');
    await checks.waitFor();
    await eventually(() => checks.getByTestId('check').count()).toBe(8);
    expect(await form.getByText('No tables chosen yet').count()).toBe(1);
    expect(await checks.textContent()).toContain('Primary keys not checked');
  });
});

describe('the sink form', () => {
  it('creates a stream that does not exist, with the permission it needs in the policy shown', async () => {
    const streamName = `created-from-the-form-${suffix}`;
    const streamArn = `arn:aws:kinesis:us-east-1:000000000000:stream/${streamName}`;
    await page.goto(`${server.url}/sinks/new`);
    const form = page.getByTestId('sink-form');
    await form.getByText('Advanced', { exact: true }).click();
    await form.getByTestId('endpoint').fill(kinesisEndpoint());
    await form.getByTestId('access-key-id').fill('AKIAEMULATOR');
    await form.getByTestId('secret-access-key').fill('emulator-secret');
    await form.getByTestId('stream-arn').fill(streamArn);
    const policy = form.getByTestId('iam-policy');
    expect(await policy.textContent()).not.toContain('kinesis:CreateStream');

    await form.getByRole('button', { name: 'Test connection' }).click();
    const tested = form.getByTestId('test-connection-result');
    await eventually(() => tested.textContent()).toContain('ResourceNotFoundException');

    await form.getByRole('button', { name: `Create the stream ${streamName}…` }).click();
    // Asking to create it adds the permission that takes, and says it is needed for that only.
    await eventually(() => policy.textContent()).toContain('kinesis:CreateStream');
    expect(await form.getByTestId('iam-policy-create-stream').textContent()).toContain(
      'needed only to create the stream',
    );
    const panel = form.getByTestId('create-stream');
    await panel.getByLabel(/^Provisioned/).check();
    await panel.getByLabel('Shards', { exact: true }).fill('2');
    await panel.getByRole('button', { name: 'Create stream', exact: true }).click();
    const created = form.getByTestId('create-stream-result');
    await eventually(() => created.getAttribute('data-ok')).toBe('true');
    expect(await created.textContent()).toContain(
      `Created the stream ${streamName}: status ACTIVE, 2 shards`,
    );

    // The stream is there: Test connection now connects.
    await form.getByRole('button', { name: 'Test connection' }).click();
    await eventually(() => tested.getAttribute('data-ok')).toBe('true');
    expect(await tested.textContent()).toContain(`Connected to ${streamName}: status ACTIVE, 2 shards`);
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHelpers, eventually } from './console-helpers';
import type { ConsoleServer } from './console-server';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

const VIEWPORT = { width: 1280, height: 900 };
const COLLEAGUE = { email: 'linus@shardline.test', password: 'a colleague who may leave', role: 'viewer' };
const TOKEN_NAME = 'deploy-pipeline';
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

const world: Partial<ConsoleWorld> = {};
let server: ConsoleServer;
let page: Page;
let sinkId: string;
let pausedAt: string;
/** The secret of the token the last test revokes. */
let tokenSecret: string;

const { post: api, openSink, createOrdersSink } = consoleHelpers(world);

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ source, server, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL)');
  sinkId = await createOrdersSink({
    name: 'orders-held',
  });
  const paused = await api<{ sink: { pausedAt: string } }>(`/sinks/${sinkId}/pause`, {});
  pausedAt = paused.sink.pausedAt;
  await api('/accounts', COLLEAGUE);
  tokenSecret = (await api<{ token: { token: string } }>('/tokens', { name: TOKEN_NAME, role: 'viewer' }))
    .token.token;
});

afterAll(() => stopConsoleWorld(world));

/** Clicks `trigger` until the confirmation opens (a click before the page hydrated does nothing). */
async function openConfirmation(trigger: Locator): Promise<Locator> {
  const dialog = page.getByTestId('confirm-dialog');
  await eventually(async () => {
    if (!(await dialog.isVisible())) await trigger.click();
    return dialog.isVisible();
  }).toBe(true);
  return dialog;
}

/** Whether the element that has the keyboard focus is inside `dialog`. */
function focusIsInside(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((element) => element.contains(document.activeElement));
}

/** The text of the element an ARIA reference attribute (aria-labelledby, aria-describedby) points to. */
async function referencedText(dialog: Locator, attribute: string): Promise<string> {
  const id = await dialog.getAttribute(attribute);
  if (!id) throw new Error(`the dialog has no ${attribute}`);
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

describe('dialogs, confirmations and times in a browser', () => {
  it('shows when a paused sink was paused as a relative time, with the exact local time on hover', async () => {
    await openSink(sinkId);
    const badge = page.getByTestId('health-badge').first();
    await eventually(() => badge.getAttribute('data-status'), ENGINE_WAIT_MS).toBe('paused');
    const reason = page.getByTestId('health-reason').first();
    const text = (await reason.textContent()) ?? '';
    expect(text).toMatch(/paused by .+ (now|\d+ s ago|\d+ min ago): messages are stored/);
    expect(text).not.toMatch(ISO_TIME);

    const time = reason.locator('time');
    expect(await time.getAttribute('datetime')).toBe(pausedAt);
    const exact = await page.evaluate(
      (iso) => new Date(iso).toLocaleString('en-GB', { timeZoneName: 'short' }),
      pausedAt,
    );
    expect(await time.getAttribute('title')).toBe(exact);
    // The badge's tooltip says the sentence with the local time too, not the raw one.
    expect(await badge.getAttribute('title')).toContain(exact);
    expect(await badge.getAttribute('title')).not.toMatch(ISO_TIME);
  });

  it('opens a dialog in the middle of the window, keeps the focus inside it, and closes it on Escape', async () => {
    await openSink(sinkId);
    const trigger = page.getByTestId('delete-sink');
    const dialog = await openConfirmation(trigger);
    expect(await dialog.getAttribute('role')).toBe('dialog');
    expect(await referencedText(dialog, 'aria-labelledby')).toBe('Delete the sink orders-held?');
    expect(await referencedText(dialog, 'aria-describedby')).toContain(
      'Its stored messages are deleted with it',
    );

    const box = await dialog.boundingBox();
    if (!box) throw new Error('the dialog is not shown');
    expect(Math.abs(box.x + box.width / 2 - VIEWPORT.width / 2)).toBeLessThan(2);
    expect(Math.abs(box.y + box.height / 2 - VIEWPORT.height / 2)).toBeLessThan(2);

    expect(await focusIsInside(dialog)).toBe(true);
    // More presses than the dialog has controls, both ways: the focus never leaves it.
    for (const key of [
      'Tab',
      'Tab',
      'Tab',
      'Tab',
      'Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
    ]) {
      await page.keyboard.press(key);
      expect(await focusIsInside(dialog)).toBe(true);
    }

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Nothing was deleted, and the focus is back on the button that opened it.
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await page.request.get(`${server.url}/api/v1/sinks/${sinkId}`)).status()).toBe(200);
  });

  it('asks before deleting an account, saying what happens; cancelling keeps it, confirming deletes it', async () => {
    await page.goto(`${server.url}/access`);
    const row = page.getByTestId('account-row').filter({ hasText: COLLEAGUE.email });
    await row.waitFor();
    const dialog = await openConfirmation(row.getByTestId('delete-account'));
    expect(await dialog.textContent()).toContain(`Delete the account ${COLLEAGUE.email}?`);
    expect(await dialog.getByTestId('delete-account-effect').textContent()).toContain(
      'is signed out everywhere at once and can no longer sign in',
    );
    await dialog.getByTestId('cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await row.waitFor();

    await (await openConfirmation(row.getByTestId('delete-account'))).getByTestId('confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    // The account is gone: its password no longer signs in.
    const answer = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: COLLEAGUE.email, password: COLLEAGUE.password }),
    });
    expect(answer.status).toBe(401);
  });

  it('asks before revoking a token, saying what happens; cancelling keeps it, confirming revokes it', async () => {
    await page.goto(`${server.url}/access`);
    const row = page.getByTestId('token-row').filter({ hasText: TOKEN_NAME });
    await row.waitFor();
    const dialog = await openConfirmation(row.getByTestId('revoke-token'));
    expect(await dialog.textContent()).toContain(`Revoke the token ${TOKEN_NAME}?`);
    expect(await dialog.getByTestId('revoke-token-effect').textContent()).toContain(
      'is refused with 401 from now on',
    );
    await dialog.getByTestId('cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await row.waitFor();

    await (await openConfirmation(row.getByTestId('revoke-token'))).getByTestId('confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    const answer = await fetch(`${server.url}/api/v1/sinks`, {
      headers: { authorization: `Bearer ${tokenSecret}` },
    });
    expect(answer.status).toBe(401);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHelpers, eventually } from './console-helpers';
import type { ConsoleServer } from './console-server';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

// Issue 18, points 1, 2 and 5: the states named once (counters, tabs, a message blocked by its
// group linking to the one blocking it), a retry that says how it went, a past error shown as
// history once delivered, and re-sending a delivered message from its detail.

/** The sink's record size limit: a row with a long note goes over it and fails every attempt. */
const RECORD_LIMIT_BYTES = 2048;
const LONG_NOTE = 'x'.repeat(RECORD_LIMIT_BYTES + 500);

const world: Partial<ConsoleWorld> = {};
let source: ConsoleWorld['source'];
let server: ConsoleServer;
let page: Page;
let sinkId: string;

const { openSink, createOrdersSink, showTab, filterMessages, rows, expectRowCount, recordsOf } =
  consoleHelpers(world);

beforeAll(async () => {
  ({ source, server, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
  sinkId = await createOrdersSink({
    name: 'orders-states',
    maxRecordSizeBytes: RECORD_LIMIT_BYTES,
    backoffCapMs: 60_000,
  });
  // Row 7 fails for its size; its two later changes wait behind it. Row 1 goes through.
  await source.query(`INSERT INTO orders (id, customer, note) VALUES (1, 'Ada', 'short')`);
  await source.query(`INSERT INTO orders (id, customer, note) VALUES (7, 'Grace', $1)`, [LONG_NOTE]);
  await source.query(`UPDATE orders SET customer = 'Grace H.' WHERE id = 7`);
  await source.query(`UPDATE orders SET customer = 'Grace Hopper' WHERE id = 7`);
});

afterAll(() => stopConsoleWorld(world));

const drawer = () => page.getByTestId('message-detail');
const oversizeBanner = () => page.locator('[data-testid="alert-banner"][data-kind="message_too_large"]');

async function setRecordLimit(bytes: number): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/sinks/${sinkId}?force=true`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${world.apiToken}` },
    body: JSON.stringify({ maxRecordSizeBytes: bytes }),
  });
  expect(response.status, await response.text()).toBe(200);
}

describe('message states in the console', () => {
  it('names the states the same in the counters and the tabs, and links a blocked message to its blocker', async () => {
    await openSink(sinkId);
    await showTab('tab-failing');
    await expectRowCount(1);
    await showTab('tab-waiting');
    await filterMessages({ group: '7' });
    await expectRowCount(2);

    expect(await page.getByTestId('counter-waiting').locator('dt').textContent()).toBe('Waiting');
    expect(await page.getByTestId('counter-sending').locator('dt').textContent()).toBe('Sending now');
    const stateTabs = page.getByRole('tablist', { name: 'Message states' });
    await eventually(() => stateTabs.getByRole('tab', { selected: true }).textContent()).toMatch(
      /^Waiting\s*2$/,
    );
    expect(await stateTabs.getByRole('tab', { name: /^Failing/ }).textContent()).toMatch(/^Failing\s*1$/);
    expect(await page.getByTestId('messages').textContent()).not.toContain('In flight');

    // Each later change of row 7 says what it waits for, not a time that has passed.
    const waiting = rows().first().getByTestId('waiting-behind');
    await eventually(() => waiting.textContent()).toMatch(/^Waiting behind #\d+$/);
    await waiting.getByTestId('blocked-by').click();
    await eventually(() => drawer().getByTestId('message-state').textContent()).toBe('Failing');
    expect(await drawer().getByTestId('message-last-error').textContent()).toContain('RecordTooLarge');
    await oversizeBanner().waitFor({ timeout: ENGINE_WAIT_MS });
  });

  it('says a retry failed again, then delivered once the cause is fixed, and keeps the old error as history', async () => {
    // The drawer shows the failing message opened from the blocked one above.
    await drawer().getByTestId('retry-now').click();
    const outcome = drawer().getByTestId('attempt-outcome');
    await eventually(() => outcome.getAttribute('data-outcome'), ENGINE_WAIT_MS).toBe('failed');
    expect(await outcome.textContent()).toMatch(/^Attempt failed again: RecordTooLarge: /);
    expect(await drawer().textContent()).not.toContain('Queued for an attempt now');

    await setRecordLimit(1024 * 1024);
    await drawer().getByTestId('retry-now').click();
    await eventually(() => outcome.getAttribute('data-outcome'), ENGINE_WAIT_MS).toBe('delivered');
    expect(await outcome.textContent()).toBe('Delivered.');
    await eventually(() => drawer().getByTestId('message-state').textContent()).toBe('Delivered');
    // Delivered: the error is history, said neutrally, no longer a red "last error".
    expect(await drawer().getByTestId('message-last-error').count()).toBe(0);
    expect(await drawer().getByTestId('message-past-error').textContent()).toMatch(
      /^Earlier attempts failed, the last one .*: RecordTooLarge/,
    );
    // The manual attempt that delivered it is in its history.
    expect(await drawer().locator('[data-testid="attempt"] [data-outcome="delivered"]').textContent()).toBe(
      'Delivered',
    );
    expect(await recordsOf([7], 3)).toHaveLength(3);
    // Fixed: the alert resolves at the engine's next evaluation, and its banner goes.
    await oversizeBanner().waitFor({ state: 'detached', timeout: ENGINE_WAIT_MS });
  });

  it('re-sends a delivered message from its detail after saying the consumer receives it again', async () => {
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    await showTab('tab-delivered');
    await filterMessages({ group: '1' });
    await expectRowCount(1);
    await rows().first().getByTestId('open-message').click();
    await eventually(() => drawer().getByTestId('message-state').textContent()).toBe('Delivered');

    await drawer().getByRole('button', { name: 'Re-send' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    expect(await confirm.textContent()).toContain('The consumer will receive it again');
    await confirm.getByRole('button', { name: 'Re-send message' }).click();
    const outcome = drawer().getByTestId('attempt-outcome');
    await eventually(() => outcome.getAttribute('data-outcome'), ENGINE_WAIT_MS).toBe('delivered');
    expect(await outcome.textContent()).toBe('Delivered again: the consumer receives it once more.');
    expect(await drawer().getByTestId('message-audit-event').first().textContent()).toMatch(/^Re-sent by /);
    expect(await recordsOf([1], 2)).toEqual([
      { id: 1, customer: 'Ada', note: 'short' },
      { id: 1, customer: 'Ada', note: 'short' },
    ]);
  });
});

import { randomBytes } from 'node:crypto';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser';
import { consoleHelpers, eventually, lastSegment } from './console-helpers';
import type { ConsoleServer } from './console-server';
import {
  ADMIN_EMAIL,
  type ConsoleWorld,
  ENGINE_WAIT_MS,
  startConsoleWorld,
  stopConsoleWorld,
} from './console-world';

const ROWS = 3_000;
const TABLE = 'public.items';

const world: Partial<ConsoleWorld> = {};
let server: ConsoleServer;
let page: Page;
let stream: ConsoleWorld['stream'];
let sourceId: string;
let sinkId: string;
const { openSink, post: api } = consoleHelpers(world);

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ source, stream, server, page } = await startConsoleWorld(world));
  await source.query(`
    CREATE TABLE items (id int PRIMARY KEY, status text NOT NULL);
    INSERT INTO items SELECT g, CASE WHEN g % 2 = 0 THEN 'open' ELSE 'closed' END FROM generate_series(1, ${ROWS}) AS g;
    ANALYZE items;`);
  ({
    source: { id: sourceId },
  } = await api<{ source: { id: string } }>('/sources', {
    name: `shop_${randomBytes(3).toString('hex')}`,
    url: source.url,
  }));
  ({
    sink: { id: sinkId },
  } = await api<{ sink: { id: string } }>('/sinks', {
    name: 'items-to-kinesis',
    streamArn: stream.streamArn,
    endpoint: kinesisEndpoint(),
    accessKeyId: 'AKIAEMULATOR',
    secretAccessKey: 'emulator-secret',
    sourceId,
    tables: [{ name: 'items' }],
  }));
});

afterAll(() => stopConsoleWorld(world));

/** Opens the start dialog (clicking again if the page had not hydrated yet). */
async function openStartDialog(): Promise<void> {
  const dialog = page.getByTestId('backfill-dialog');
  await eventually(async () => {
    if (!(await dialog.isVisible())) await page.getByTestId('start-backfill').click();
    return dialog.isVisible();
  }).toBe(true);
}

describe('backfills in a browser', () => {
  it('starts a narrowed backfill from the sink page and watches it reach done, then lists it', async () => {
    await openSink(sinkId);
    await page.getByTestId('no-backfills').waitFor();
    await openStartDialog();
    const dialog = page.getByTestId('backfill-dialog');
    expect(await dialog.getByTestId(`backfill-table-${TABLE}`).isChecked()).toBe(true);

    // A condition the source refuses is explained at the table, in Postgres' words.
    await dialog.getByTestId(`backfill-where-${TABLE}`).fill("colour = 'red'");
    await dialog.getByTestId('submit-backfill').click();
    await dialog
      .getByText('the condition on public.items cannot be used: column "colour" does not exist')
      .waitFor();

    // The open rows among the first 2,000 keys: 1,000 of them.
    await dialog.getByTestId(`backfill-where-${TABLE}`).fill("status = 'open'");
    await dialog.getByTestId(`backfill-from-${TABLE}-id`).fill('1');
    await dialog.getByTestId(`backfill-to-${TABLE}-id`).fill('2000');
    await dialog.getByTestId('submit-backfill').click();
    await dialog.waitFor({ state: 'hidden' });

    const past = page.getByTestId('past-backfill');
    await eventually(() => past.first().getAttribute('data-state'), ENGINE_WAIT_MS).toBe('done');
    const row = past.first();
    expect(await row.getByTestId('past-backfill-rows').textContent()).toBe('1,000');
    expect(await row.textContent()).toContain(ADMIN_EMAIL);
    expect(await row.textContent()).toContain("public.items where status = 'open', keys (1) to (2000)");
    expect(await page.getByTestId('current-backfill').count()).toBe(0);
  });

  it('pauses, resumes and cancels a running backfill', async () => {
    await openSink(sinkId);
    await openStartDialog();
    const dialog = page.getByTestId('backfill-dialog');
    // Slow on purpose: three milliseconds a row keep it running long enough to be paused.
    await dialog.getByTestId(`backfill-where-${TABLE}`).fill('pg_sleep(0.003) IS NOT NULL');
    await dialog.getByTestId('submit-backfill').click();
    await dialog.waitFor({ state: 'hidden' });

    const current = page.getByTestId('current-backfill');
    await eventually(() => current.getAttribute('data-state')).toBe('running');
    expect(await current.getByTestId('backfill-created-by').textContent()).toBe(ADMIN_EMAIL);
    // The progress against the estimate, refreshed while it runs.
    await eventually(() => current.getByTestId('backfill-rows').textContent(), ENGINE_WAIT_MS).toMatch(
      /^[\d,]+ of about [\d,]+ rows · [\d.]+% · [\d,]+ rows\/s · about .+ left$/,
    );
    expect(await page.getByTestId('start-backfill').isDisabled()).toBe(true);
    await saveScreenshot(page, 'backfills');

    await current.getByTestId('pause-backfill').click();
    await eventually(() => current.getAttribute('data-state')).toBe('paused');
    await current.getByTestId('resume-backfill').click();
    await eventually(() => current.getAttribute('data-state')).toBe('running');

    // Cancelling asks first.
    await current.getByTestId('cancel-backfill').click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByText('Cancel this backfill?').waitFor();
    await confirm.getByTestId('confirm').click();
    await eventually(() => page.getByTestId('current-backfill').count()).toBe(0);
    const cancelled = page.getByTestId('past-backfill').first();
    expect(await cancelled.getAttribute('data-state')).toBe('cancelled');
    const rows = Number((await cancelled.getByTestId('past-backfill-rows').textContent())?.replace(/,/g, ''));
    expect(rows).toBeLessThan(ROWS);
    expect(await page.getByTestId('past-backfill').count()).toBe(2);
    expect(await page.getByTestId('start-backfill').isDisabled()).toBe(false);
  });

  it('creates a sink that also sends the rows that already exist', async () => {
    await page.goto(`${server.url}/sinks/new`);
    const form = page.getByTestId('sink-form');
    await form.getByTestId('sink-name').fill('items-with-history');
    await form.getByTestId('stream-arn').fill(stream.streamArn);
    await form.getByText('Advanced', { exact: true }).click();
    await form.getByTestId('endpoint').fill(kinesisEndpoint());
    await form.getByTestId('access-key-id').fill('AKIAEMULATOR');
    await form.getByTestId('secret-access-key').fill('emulator-secret');
    await form.getByTestId('sink-source').selectOption(sourceId);
    await form.getByTestId(`table-${TABLE}`).check();
    const existingRows = form.getByTestId(`send-existing-rows-${TABLE}`);
    expect(await existingRows.isChecked()).toBe(false);
    await existingRows.check();
    await form.getByTestId('save-sink').click();
    await page.waitForURL(/\/sinks\/[0-9a-f-]{36}$/);
    expect(lastSegment(page.url())).not.toBe(sinkId);

    const done = page.getByTestId('past-backfill');
    await eventually(() => done.first().getAttribute('data-state'), ENGINE_WAIT_MS).toBe('done');
    expect(await done.first().getByTestId('past-backfill-rows').textContent()).toBe('3,000');
    expect(await done.first().textContent()).toContain(ADMIN_EMAIL);

    // The edit form offers no such option: later backfills start from the sink's page.
    await page.goto(`${page.url()}/edit`);
    await page.getByTestId(`table-settings-${TABLE}`).waitFor();
    expect(await page.getByTestId(`send-existing-rows-${TABLE}`).count()).toBe(0);
  });
});

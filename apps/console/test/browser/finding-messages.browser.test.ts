import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingViolations } from './accessibility';
import { consoleHelpers, eventually } from './console-helpers';
import type { ConsoleServer } from './console-server';
import {
  ADMIN_EMAIL,
  type ConsoleWorld,
  ENGINE_WAIT_MS,
  startConsoleWorld,
  stopConsoleWorld,
} from './console-world';

const world: Partial<ConsoleWorld> = {};
let server: ConsoleServer;
let page: Page;
let sinkId: string;
const { openSink, showTab, expectRowCount, rows, createOrdersSink } = consoleHelpers(world);

// Grouped by customer: a row's key (its id) is not its group, so finding it by key is a search.
const ORDERS = [
  { id: 1, customer: 'ada', note: 'two boxes' },
  { id: 2, customer: 'ada', note: 'Fragile GLASS, handle with care' },
  { id: 3, customer: 'grace', note: 'leave at the door' },
  { id: 4, customer: 'grace', note: 'ring twice' },
  { id: 5, customer: 'linus', note: 'no note' },
];
const BIG_ID = 100;
const BIG_MARKER = 'BIG-PAYLOAD-START';

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ source, server, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
  sinkId = await createOrdersSink({
    name: 'orders-finding',
    tables: [{ name: 'orders', groupColumns: ['customer'] }],
  });
  for (const order of ORDERS) {
    await source.query('INSERT INTO orders (id, customer, note) VALUES ($1, $2, $3)', [
      order.id,
      order.customer,
      order.note,
    ]);
  }
});

afterAll(() => stopConsoleWorld(world));

const sinkUrl = (query = '') => `${server.url}/sinks/${sinkId}${query}`;
const searchParam = (name: string) => new URL(page.url()).searchParams.get(name);
const drawer = () => page.getByTestId('message-detail');

/** The id of the message of order `id` (its group is its customer), from the API. */
async function messageIdOf(orderId: number, state = 'delivered'): Promise<string> {
  const response = await fetch(
    `${server.url}/api/v1/sinks/${sinkId}/messages?state=${state}&key=${orderId}`,
    {
      headers: { authorization: `Bearer ${world.apiToken}` },
    },
  );
  const body = (await response.json()) as { messages: { id: string }[] };
  const id = body.messages[0]?.id;
  if (!id) throw new Error(`no ${state} message for order ${orderId}`);
  return id;
}

/** Presses a key on the page, not in a field: the shortcuts leave typing alone. */
async function pressOnPage(key: string): Promise<void> {
  await page.getByRole('heading', { name: 'Messages', exact: true }).click();
  await page.keyboard.press(key);
}

describe('finding a message', () => {
  it('opens a message into the URL: back closes it, forward and the link open it again', async () => {
    await openSink(sinkId);
    await showTab('tab-delivered');
    await expectRowCount(ORDERS.length, ENGINE_WAIT_MS);
    expect(searchParam('state')).toBe('delivered');

    const id = await messageIdOf(3);
    await page.locator(`[data-message-id="${id}"]`).getByTestId('open-message').click();
    await drawer().waitFor();
    expect(searchParam('message')).toBe(id);
    await drawer().getByText('leave at the door').waitFor();

    await page.goBack();
    await drawer().waitFor({ state: 'hidden' });
    expect(searchParam('message')).toBeNull();
    expect(searchParam('state')).toBe('delivered');

    await page.goForward();
    await drawer().getByText('leave at the door').waitFor();

    // Shared as a link, it opens on its own.
    await page.goto(sinkUrl(`?state=delivered&message=${id}`));
    await drawer().getByText('leave at the door').waitFor();
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    expect(searchParam('message')).toBeNull();
  });

  it('reads the tab, filters and search from the URL, and keeps filters applied in it', async () => {
    await page.goto(sinkUrl('?state=delivered&key=4'));
    await expectRowCount(1);
    expect(await page.getByTestId('tab-delivered').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('message-search').inputValue()).toBe('4');
    expect(await rows().first().textContent()).toContain('grace');

    await page.reload();
    await expectRowCount(1);
    expect(await page.getByTestId('message-search').inputValue()).toBe('4');

    // A filter applied on the page goes into the URL; back returns to the view before it.
    await page.goto(sinkUrl('?state=delivered'));
    await expectRowCount(ORDERS.length);
    // A click that lands before the page has hydrated does nothing: apply again until it takes.
    await eventually(async () => {
      if (searchParam('group') !== 'ada') {
        await page.getByTestId('filter-group').fill('ada');
        await page.getByTestId('apply-filters').click();
      }
      return searchParam('group');
    }).toBe('ada');
    await expectRowCount(2);
    await page.goBack();
    await expectRowCount(ORDERS.length);
    expect(await page.getByTestId('filter-group').inputValue()).toBe('');
  });

  it('searches by primary key and by text in the payload', async () => {
    await page.goto(sinkUrl('?state=delivered'));
    await expectRowCount(ORDERS.length);
    await page.getByLabel('Search by').selectOption('key');
    await page.getByTestId('message-search').fill('5');
    await page.getByTestId('message-search-submit').click();
    await expectRowCount(1);
    expect(await rows().first().textContent()).toContain('linus');
    expect(searchParam('key')).toBe('5');

    await page.getByLabel('Search by').selectOption('q');
    await page.getByTestId('message-search').fill('GLASS, handle');
    await page.getByTestId('message-search-submit').click();
    await eventually(() => searchParam('q')).toBe('GLASS, handle');
    await expectRowCount(1);
    expect(await rows().first().getAttribute('data-message-id')).toBe(await messageIdOf(2));
    expect(searchParam('key')).toBeNull();

    await page.getByTestId('message-search').fill('nothing like this');
    await page.getByTestId('message-search-submit').click();
    await page.getByText('No messages match the filter').waitFor();
  });

  it('downloads a payload as message-<id>.json, exactly as stored', async () => {
    const id = await messageIdOf(2);
    await page.goto(sinkUrl(`?state=delivered&message=${id}`));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      drawer().getByRole('link', { name: 'Download payload' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`message-${id}.json`);
    const text = await readFile(await download.path(), 'utf8');
    const payload = JSON.parse(text) as {
      record: { id: number; note: string };
      metadata: { record_pks: string[] };
    };
    expect(payload.record).toMatchObject({ id: 2, note: 'Fragile GLASS, handle with care' });
    expect(payload.metadata.record_pks).toEqual(['2']);
    // Byte for byte what the API stores, not the page's re-serialisation of it.
    const stored = await fetch(`${server.url}/api/v1/sinks/${sinkId}/messages/${id}/payload`, {
      headers: { authorization: `Bearer ${world.apiToken}` },
    });
    expect(text).toBe(await stored.text());
  });

  it('moves through messages with j and k, opens with Enter, closes with Escape; / goes to the search', async () => {
    await page.goto(sinkUrl('?state=delivered'));
    await expectRowCount(ORDERS.length);
    const highlighted = page.locator('[data-testid="message-row"][aria-current="true"]');
    const ids = await rows().evaluateAll((elements) =>
      elements.map((row) => row.getAttribute('data-message-id')),
    );

    await pressOnPage('/');
    await eventually(() =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
    ).toBe('message-search');
    // Typing in the search is typing: j is a letter there, not a move.
    await page.keyboard.type('j');
    expect(await page.getByTestId('message-search').inputValue()).toBe('j');
    expect(await highlighted.count()).toBe(0);

    await pressOnPage('j');
    await eventually(() => highlighted.getAttribute('data-message-id')).toBe(ids[0]);
    await page.keyboard.press('j');
    await eventually(() => highlighted.getAttribute('data-message-id')).toBe(ids[1]);
    await page.keyboard.press('k');
    await eventually(() => highlighted.getAttribute('data-message-id')).toBe(ids[0]);

    await page.keyboard.press('Enter');
    await drawer().waitFor();
    await eventually(() => searchParam('message')).toBe(ids[0]);
    // With a message open, j opens the next one in its place.
    await page.keyboard.press('j');
    await eventually(() => searchParam('message')).toBe(ids[1]);
    await eventually(() => highlighted.getAttribute('data-message-id')).toBe(ids[1]);

    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    expect(searchParam('message')).toBeNull();
    // The keys are written on the page.
    await page.getByText('next and previous message').waitFor();
  });

  it('shows a 1 MiB payload once, and only when asked', async () => {
    await world.source?.query('INSERT INTO orders (id, customer, note) VALUES ($1, $2, $3)', [
      BIG_ID,
      'big',
      `${BIG_MARKER}${'x'.repeat(1_100_000)}`,
    ]);
    await page.goto(sinkUrl('?state=failing'));
    await expectRowCount(1, ENGINE_WAIT_MS);
    await rows().first().getByTestId('open-message').click();
    const onDemand = drawer().getByTestId('message-payload-on-demand');
    await onDemand.waitFor();
    expect(await onDemand.textContent()).toMatch(/1\.0\d MiB of JSON/);
    const occurrences = () =>
      page.evaluate((marker) => document.body.textContent?.split(marker).length ?? 1, BIG_MARKER);
    // Nothing of it is laid out until asked: the drawer, its facts and actions answer at once.
    expect((await occurrences()) - 1).toBe(0);
    expect(await blockingViolations(page, 'message drawer, payload on demand')).toEqual([]);
    await onDemand.getByRole('button', { name: 'Show it' }).click();
    await drawer().getByTestId('message-payload').waitFor();
    expect((await occurrences()) - 1).toBe(1);
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  });

  it('lists past bulk operations on the sink page, the newest after a bulk retry', async () => {
    await page.goto(sinkUrl('?state=failing'));
    await page.getByTestId('no-bulk-operations').waitFor();
    await expectRowCount(1);
    await page.getByTestId('bulk-retry').click();
    const dialog = page.getByTestId('bulk-dialog');
    await dialog.getByTestId('confirm').click();
    await eventually(
      () => dialog.getByTestId('bulk-progress').getAttribute('data-finished'),
      ENGINE_WAIT_MS,
    ).toBe('true');
    await dialog.getByTestId('cancel').click();

    const operation = page.getByTestId('bulk-operation').first();
    await eventually(() => operation.getAttribute('data-state'), ENGINE_WAIT_MS).toBe('done');
    const text = await operation.textContent();
    expect(text).toContain('Retry all');
    expect(text).toContain('failing');
    expect(text).toContain('no filter');
    expect(text).toContain(ADMIN_EMAIL);
    expect(await operation.getByTestId('bulk-operation-counts').textContent()).toBe('1 of 1');
    // When, relative, with the exact time on hover.
    const queued = operation.locator('time').first();
    expect(await queued.textContent()).toMatch(/ago|now/);
    expect(await queued.getAttribute('title')).toMatch(/\d{4}|\d{1,2}:\d{2}/);
    expect(await page.getByTestId('no-bulk-operations').count()).toBe(0);
    // The pointer off the page: where the dialog closed it may rest on the chart and open its tooltip.
    await page.mouse.move(0, 0);
    expect(await blockingViolations(page, 'sink page with search and bulk operations')).toEqual([]);
  });
});

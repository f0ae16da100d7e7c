import { randomBytes } from 'node:crypto';
import { createDatabase, reportSinkThrottling } from '@shardline/db';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { consoleHelpers, eventually, lastSegment } from './console-helpers';
import type { ConsoleServer } from './console-server';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

// Saving runs the checks (issue 14): the form shows what fails, "Save anyway" saves, and the page
// then shows the real state with its fix, never healthy.

const TABLE = 'public.orders';
const world: Partial<ConsoleWorld> = {};
let server: ConsoleServer;
let page: Page;
let stream: ConsoleWorld['stream'];
let sourceId: string;

const { post: api } = consoleHelpers(world);

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ source, stream, server, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL)');
  const { source: created } = await api<{ source: { id: string } }>('/sources', {
    // Slot and publication names are server-wide: a name of its own per run.
    name: `shop_${randomBytes(3).toString('hex')}`,
    url: source.url,
  });
  sourceId = created.id;
});

afterAll(() => stopConsoleWorld(world));

describe('saving runs the checks, in a browser', () => {
  it('shows the failing checks on Save, saves on "Save anyway", and the sink page shows why it is not healthy', async () => {
    const missing = `missing-${randomBytes(3).toString('hex')}`;
    await page.goto(`${server.url}/sinks/new`);
    const form = page.getByTestId('sink-form');
    await form.getByTestId('sink-name').fill('orders-to-nowhere');
    await form.getByText('Advanced', { exact: true }).click();
    await form.getByTestId('endpoint').fill(kinesisEndpoint());
    await form.getByTestId('access-key-id').fill('AKIAEMULATOR');
    await form.getByTestId('secret-access-key').fill('emulator-secret');
    await form.getByTestId('stream-arn').fill(stream.streamArn.replace(/stream\/.+$/, `stream/${missing}`));
    await form.getByTestId('sink-source').selectOption(sourceId);
    await form.getByTestId(`table-${TABLE}`).check();

    await form.getByTestId('save-sink').click();
    const failed = form.getByTestId('checks-failed');
    await failed.waitFor();
    const failing = failed.locator('[data-testid="check"][data-status="error"]');
    expect(await failing.count()).toBe(1);
    expect(await failing.textContent()).toContain(
      `Checking stream ${missing} failed: the stream does not exist`,
    );
    // The table passed its check.
    expect(await failed.locator('[data-testid="check"][data-status="ok"]').textContent()).toContain(
      `${TABLE} can be captured`,
    );
    // Nothing was saved: still on the form.
    expect(new URL(page.url()).pathname).toBe('/sinks/new');

    await failed.getByTestId('save-anyway').click();
    await page.waitForURL(/\/sinks\/[0-9a-f-]{36}$/);
    const sinkId = lastSegment(page.url());
    const badge = page.getByTestId('health-badge').first();
    expect(await badge.getAttribute('data-status')).not.toBe('healthy');
    await eventually(() => badge.getAttribute('data-reason'), ENGINE_WAIT_MS).toBe('stream_not_found');
    expect(await badge.getAttribute('data-status')).toBe('failing');
    expect(await page.getByTestId('health-reason').first().textContent()).toContain(
      `Checking stream ${missing} failed: the stream does not exist`,
    );
    expect(await page.getByTestId('health-fix').first().textContent()).toMatch(
      new RegExp(`Unknown stream: no stream named ${missing} exists`),
    );

    // The list says the same.
    await page.goto(`${server.url}/sinks`);
    const row = page.getByTestId('sink-row').filter({ hasText: 'orders-to-nowhere' });
    await row.waitFor();
    expect(await row.getByTestId('health-badge').getAttribute('data-reason')).toBe('stream_not_found');
    expect(await row.getByTestId('health-fix').textContent()).toContain('Unknown stream');
    expect(sinkId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does the same for a source, whose page then says it cannot be reached', async () => {
    await page.goto(`${server.url}/sources/new`);
    const form = page.getByTestId('source-form');
    await form.getByTestId('source-name').fill(`closed_${randomBytes(3).toString('hex')}`);
    await form.getByTestId('source-url').fill('postgres://app@127.0.0.1:1/shop');
    await form.getByTestId('save-source').click();
    const failed = form.getByTestId('checks-failed');
    await failed.waitFor();
    expect(
      await failed.locator('[data-testid="check"][data-status="error"]').first().textContent(),
    ).toContain('Connection refused');
    await failed.getByTestId('save-anyway').click();
    await page.waitForURL(/\/sources\/[0-9a-f-]{36}$/);
    const badge = page.getByTestId('health-badge').first();
    await eventually(() => badge.getAttribute('data-reason'), ENGINE_WAIT_MS).toBe('source_unreachable');
    expect(await page.getByTestId('health-fix').first().textContent()).toContain(
      'Nothing accepts connections',
    );
  });
});

describe('a sink Kinesis throttles, in a browser', () => {
  it('shows it throttled (not failing) on its page and in the list, with the rate, the shards and the fix', async () => {
    const name = `orders-throttled-${randomBytes(3).toString('hex')}`;
    const { sink } = await api<{ sink: { id: string } }>('/sinks', {
      name,
      streamArn: stream.streamArn,
      endpoint: kinesisEndpoint(),
      accessKeyId: 'AKIAEMULATOR',
      secretAccessKey: 'emulator-secret',
      sourceId,
      tables: [{ name: 'orders' }],
    });
    // As the engines sending to it report while Kinesis throttles them (the emulator never does).
    const db = createDatabase({ url: world.database?.url ?? '', maxConnections: 1 });
    const report = () =>
      reportSinkThrottling(db, {
        sinkId: sink.id,
        engineId: 'browser-test-engine',
        recordsPerSecond: 1_000,
        shardsAtLimit: ['shardId-000000000000'],
        throttledRecords: 50,
      });
    await report();
    const reporting = setInterval(() => void report().catch(() => undefined), 2_000);
    onTestFinished(async () => {
      clearInterval(reporting);
      await db.close();
    });

    await page.goto(`${server.url}/sinks/${sink.id}`);
    const badge = page.getByTestId('health-badge').first();
    await eventually(() => badge.getAttribute('data-status'), ENGINE_WAIT_MS).toBe('throttled');
    expect(await badge.textContent()).toBe('Throttled');
    expect(await page.getByTestId('health-reason').first().textContent()).toContain(
      "Throttled by Kinesis: sending at 1,000 records/s, the stream's limit; shard shardId-000000000000 is at its limit.",
    );
    expect(await page.getByTestId('health-fix').first().textContent()).toContain(
      'Add shards to the stream, or switch the stream to on-demand capacity',
    );

    await page.goto(`${server.url}/sinks`);
    const row = page.getByTestId('sink-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByTestId('health-badge').getAttribute('data-status')).toBe('throttled');
    expect(await row.getByTestId('failing-count').textContent()).toBe('0');
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingViolations } from './accessibility';
import { consoleHelpers } from './console-helpers';
import type { ConsoleServer } from './console-server';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

/** The sink's record size limit: the row with a long note goes over it, fails and opens an alert. */
const RECORD_LIMIT_BYTES = 2048;

const world: Partial<ConsoleWorld> = {};
let page: Page;
let server: ConsoleServer;
let sinkId: string;
let sourceId: string;
let transformId: string;

const { createOrdersSink, openSink, showTab, expectRowCount, post } = consoleHelpers(world);

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ page, server, source } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
  sinkId = await createOrdersSink({ name: 'orders-to-kinesis', maxRecordSizeBytes: RECORD_LIMIT_BYTES });
  const sink = await (
    await fetch(`${server.url}/api/v1/sinks/${sinkId}`, {
      headers: { authorization: `Bearer ${world.apiToken}` },
    })
  ).json();
  sourceId = sink.sink.sourceId;
  ({
    transform: { id: transformId },
  } = await post<{ transform: { id: string } }>('/transforms', {
    name: 'only-the-record',
    kind: 'code',
    body: '(message) => message.record',
  }));
  await source.query(
    `INSERT INTO orders (id, customer, note) VALUES (1, 'Ada', NULL), (2, 'Grace', repeat('x', ${RECORD_LIMIT_BYTES + 500}))`,
  );
});

afterAll(() => stopConsoleWorld(world));

async function visit(path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('every page of the console, checked with axe-core', () => {
  const pages = (): [string, string][] => [
    ['sinks', '/sinks'],
    ['new sink', '/sinks/new'],
    ['sink', `/sinks/${sinkId}`],
    ['edit sink', `/sinks/${sinkId}/edit`],
    ['sources', '/sources'],
    ['new source', '/sources/new'],
    ['source', `/sources/${sourceId}`],
    ['transforms', '/transforms'],
    ['new transform', '/transforms/new'],
    ['transform', `/transforms/${transformId}`],
    ['alerts', '/alerts'],
    ['audit', '/audit'],
    ['access', '/access'],
    ['account', '/account'],
  ];

  it('has no serious or critical violation on any page an admin reaches', async () => {
    // Pages are checked with data in them: a delivered message, a failing one and its alert.
    await openSink(sinkId);
    await showTab('tab-failing');
    await expectRowCount(1, ENGINE_WAIT_MS);
    const found: string[] = [];
    for (const [name, path] of pages()) {
      await visit(path);
      found.push(...(await blockingViolations(page, `${name} (${path})`)));
    }
    expect(found).toEqual([]);
  });

  it('has none in the open message drawer, the stream view or a confirmation dialog', async () => {
    const found: string[] = [];
    await openSink(sinkId);
    await showTab('tab-failing');
    await page.getByTestId('message-row').first().getByTestId('open-message').click();
    await page.getByTestId('message-detail').getByTestId('message-state').waitFor();
    found.push(...(await blockingViolations(page, 'message drawer')));
    await page.keyboard.press('Escape');

    await page.getByTestId('view-stream').click();
    await page.waitForLoadState('networkidle');
    found.push(...(await blockingViolations(page, 'stream view')));

    await visit(`/sources/${sourceId}`);
    await page.getByTestId('remove-source').click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await blockingViolations(page, 'remove-source dialog')));
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
  });

  it('has none on the sign-in page', async () => {
    const context = await world.browser?.newContext();
    if (!context) throw new Error('the console world has not started');
    const signedOut = await context.newPage();
    try {
      await signedOut.goto(`${server.url}/sign-in`);
      await signedOut.getByTestId('sign-in-form').waitFor();
      expect(await blockingViolations(signedOut, 'sign-in')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

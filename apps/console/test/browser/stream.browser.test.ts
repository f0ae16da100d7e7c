import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { aggregateRecords } from '@shardline/kinesis';
import { createTestKinesisClient } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser';
import { consoleHelpers, eventually } from './console-helpers';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

const world: Partial<ConsoleWorld> = {};
let source: ConsoleWorld['source'];
let stream: ConsoleWorld['stream'];
let page: Page;
let sinkId: string;

const { showTab, expectRowCount, openSink, createOrdersSink } = consoleHelpers(world);

beforeAll(async () => {
  ({ source, stream, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL)');
  sinkId = await createOrdersSink({
    name: 'orders-stream',
  });
  // Created through the API, the sink takes every change committed from now on.
});

afterAll(() => stopConsoleWorld(world));

describe('the Stream tab in a browser', () => {
  it('shows the records that landed in the stream, with their partition keys and data', async () => {
    await source.query(`INSERT INTO orders (id, customer) VALUES (41, 'Ada'), (42, 'Grace')`);
    await openSink(sinkId);
    await showTab('tab-delivered');
    await expectRowCount(2, ENGINE_WAIT_MS);

    // The stream is read only when its tab opens; a click before hydration does nothing.
    const streamTab = page.locator('[data-testid="view-stream"][aria-selected="true"]');
    await eventually(async () => {
      if ((await streamTab.count()) === 0) await page.getByTestId('view-stream').click();
      return streamTab.count();
    }).toBe(1);
    const records = page.getByTestId('stream-record');
    await eventually(() => records.count()).toBe(2);
    expect(await page.getByTestId('messages').isVisible()).toBe(false);

    const ada = page.locator('[data-testid="stream-record"][data-partition-key="41"]');
    const data = JSON.parse((await ada.getByTestId('stream-record-data').textContent()) ?? '{}');
    expect(data).toMatchObject({ action: 'insert', record: { id: 41, customer: 'Ada' } });
    expect(data.metadata).toMatchObject({ table_name: 'orders' });
    expect(await ada.textContent()).toMatch(/shardId-\d+/);
    expect(await page.getByTestId('stream-summary').textContent()).toMatch(/The 2 newest records of 1 shard/);
    await saveScreenshot(page, 'stream');

    // A row written after the first read appears on Refresh.
    await source.query(`INSERT INTO orders (id, customer) VALUES (43, 'Edsger')`);
    await eventually(async () => {
      await page.getByTestId('refresh-stream').click();
      await page.locator('[data-testid="refresh-stream"]:not([disabled])').waitFor();
      return records.count();
    }, ENGINE_WAIT_MS).toBe(3);
    expect(await records.first().getAttribute('data-partition-key')).toBe('43');

    // Back on Messages, the tab kept its state.
    await page.getByTestId('view-messages').click();
    await page.getByTestId('messages').waitFor();
    expect(await page.locator('[data-testid="tab-delivered"][aria-selected="true"]').count()).toBe(1);
  });

  it('turns record aggregation on from the form, and shows an aggregated record as its messages', async () => {
    await page.goto(`${world.server?.url}/sinks/${sinkId}/edit`);
    const form = page.getByTestId('sink-form');
    await form.waitFor();
    await form.getByText('Advanced', { exact: true }).click();
    const checkbox = form.getByTestId('aggregate-records');
    expect(await checkbox.isChecked()).toBe(false);
    // The explanation is there before anyone ticks it.
    const explanation =
      (await form.locator('label:has([data-testid="aggregate-records"])').textContent()) ?? '';
    expect(explanation).toMatch(/Every\s+consumer of the stream must deaggregate/);
    expect(explanation).toContain('aws-kinesis-agg');
    await checkbox.check();
    await form.getByTestId('save-sink').click();
    await page.waitForURL(`${world.server?.url}/sinks/${sinkId}`);
    await page.getByTestId('sink-aggregates-records').waitFor();

    // An aggregated record of two messages, as the engine sends them for one shard.
    const [packed] = aggregateRecords(
      ['order:50', 'order:51'].map((key) => ({
        partitionKey: key,
        data: Buffer.from(JSON.stringify({ action: 'insert', record: { id: key } })),
      })),
      { maxRecordBytes: 1024 * 1024 },
    );
    const client = createTestKinesisClient(kinesisEndpoint());
    try {
      await client.send(
        new PutRecordsCommand({
          StreamARN: stream.streamArn,
          Records: [{ PartitionKey: packed?.partitionKey, Data: packed?.data }],
        }),
      );
    } finally {
      client.destroy();
    }

    const streamTab = page.locator('[data-testid="view-stream"][aria-selected="true"]');
    await eventually(async () => {
      if ((await streamTab.count()) === 0) await page.getByTestId('view-stream').click();
      return streamTab.count();
    }).toBe(1);
    const records = page.getByTestId('stream-record');
    await eventually(async () => records.first().getAttribute('data-partition-key')).toBe('order:51');
    const newest = records.nth(0);
    const older = records.nth(1);
    expect(await older.getAttribute('data-partition-key')).toBe('order:50');
    expect(JSON.parse((await older.getByTestId('stream-record-data').textContent()) ?? '{}')).toEqual({
      action: 'insert',
      record: { id: 'order:50' },
    });
    expect(await newest.getByTestId('stream-record-aggregate').textContent()).toMatch(
      /message 2 of 2 in one aggregated record/,
    );
    expect(await older.getByTestId('stream-record-aggregate').textContent()).toMatch(/message 1 of 2/);
  });
});

import { randomBytes } from 'node:crypto';
import { readAllRecords, type StreamRecord } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ConsoleWorld, ENGINE_WAIT_MS, UI_WAIT_MS } from './console-world';

export type MessageTab = 'tab-waiting' | 'tab-failing' | 'tab-delivered' | 'tab-discarded';

/** expect.poll with the patience of a user watching a live page (vitest's default is 1 s). */
export function eventually<T>(probe: () => Promise<T> | T, timeout = UI_WAIT_MS) {
  return expect.poll(probe, { timeout, interval: 250 });
}

export function lastSegment(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? '';
}

/**
 * What the browser tests do on a sink's page, for the world `world` (filled in by beforeAll,
 * so each helper reads it when it runs).
 */
export function consoleHelpers(world: Partial<ConsoleWorld>) {
  const page = (): Page => {
    if (!world.page) throw new Error('the console world has not started');
    return world.page;
  };

  /** The rows the table shows now (it asks the API again every few seconds). */
  const rows = (): Locator => page().getByTestId('message-row');

  /** Seeds through the product's API, as a person would have set it up before. */
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${world.server?.url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.apiToken}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };

  return {
    post,

    /**
     * A source on the world's database and a sink of its `orders` table to the world's stream on
     * the emulator, through the API; `sink` adds or overrides the sink's settings. The sink's id.
     */
    async createOrdersSink(sink: Record<string, unknown>): Promise<string> {
      if (!world.source || !world.stream) throw new Error('the console world has not started');
      const { source } = await post<{ source: { id: string } }>('/sources', {
        // Slot and publication names are server-wide: a name of its own per run.
        name: `shop_${randomBytes(3).toString('hex')}`,
        url: world.source.url,
      });
      const created = await post<{ sink: { id: string } }>('/sinks', {
        streamArn: world.stream.streamArn,
        endpoint: kinesisEndpoint(),
        accessKeyId: 'AKIAEMULATOR',
        secretAccessKey: 'emulator-secret',
        sourceId: source.id,
        tables: [{ name: 'orders' }],
        ...sink,
      });
      return created.sink.id;
    },

    async openSink(sinkId: string): Promise<void> {
      await page().goto(`${world.server?.url}/sinks/${sinkId}`);
      await page().getByTestId('messages').waitFor();
    },

    async showTab(tab: MessageTab): Promise<void> {
      // A click that lands before the page has hydrated does nothing: click again until it takes.
      const selected = page().locator(`[data-testid="${tab}"][aria-selected="true"]`);
      await eventually(async () => {
        if ((await selected.count()) === 0) await page().getByTestId(tab).click();
        return selected.count();
      }).toBe(1);
    },

    async filterMessages(filter: { table?: string; group?: string; errorCode?: string }): Promise<void> {
      await page().getByTestId('clear-filters').click();
      if (filter.table) await page().getByTestId('filter-table').selectOption(filter.table);
      if (filter.group) await page().getByTestId('filter-group').fill(filter.group);
      if (filter.errorCode) await page().getByTestId('filter-error-code').fill(filter.errorCode);
      await page().getByTestId('apply-filters').click();
    },

    rows,

    /** Waits until the current tab lists exactly `count` messages. */
    async expectRowCount(count: number, timeout = ENGINE_WAIT_MS): Promise<void> {
      await eventually(() => rows().count(), timeout).toBe(count);
    },

    /** Records in the stream whose row has one of the ids, in stream order. */
    async recordsOf(ids: number[], expectCount: number): Promise<Array<Record<string, unknown>>> {
      const streamArn = world.stream?.streamArn;
      if (!streamArn) throw new Error('the console world has no stream');
      const wanted = new Set(ids.map(String));
      const pick = (records: StreamRecord[]) =>
        records
          .map((record) => JSON.parse(record.data) as { record?: Record<string, unknown> })
          // A transform may send something else than the message: only messages have a record.
          .flatMap((payload) => (payload.record ? [payload.record] : []))
          .filter((row) => wanted.has(String(row.id)));
      const deadline = Date.now() + ENGINE_WAIT_MS;
      for (;;) {
        const found = pick(await readAllRecords(kinesisEndpoint(), streamArn));
        if (found.length >= expectCount || Date.now() > deadline) return found;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  };
}

/**
 * Opens an optional code field (a sink's filter) that waits behind its button, and returns its
 * editor. A click that lands before the page has hydrated does nothing: click until it opens.
 */
export async function openCodeField(scope: Locator, testId: string): Promise<Locator> {
  const editor = scope.getByTestId(testId).locator('.cm-content');
  const button = scope.getByTestId(`${testId}-open`);
  await eventually(async () => {
    // The button goes once the editor shows: a click that finds it gone has nothing left to do.
    if ((await button.count()) > 0) await button.click({ timeout: 1_000 }).catch(() => undefined);
    return editor.count();
  }).toBe(1);
  return editor;
}

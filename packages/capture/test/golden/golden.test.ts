import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../harness';
import { changeTransactions, DEFAULT_TABLE, FULL_TABLE, MESSAGES_PER_TABLE, SCHEMA_SQL } from './all-types';
import { goldenComparison, updatingGolden, writeGolden } from './golden-file';
import { messagesInCommitOrder, withPlaceholders } from './normalize';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

describe('golden records', () => {
  it('sends every column type, inserted, updated and deleted, as in the golden files', async () => {
    ctx = await setupCaptureTest({
      schemaSql: SCHEMA_SQL,
      sinks: [{ tables: [{ name: FULL_TABLE }, { name: DEFAULT_TABLE }] }],
    });
    ctx.startCapture();
    await ctx.startDelivery();
    await ctx.waitUntilReading();
    for (const transaction of changeTransactions()) await ctx.sql(transaction);

    const total = 2 * MESSAGES_PER_TABLE;
    await ctx.waitForStored(total);
    const sink = ctx.sinks[0];
    if (!sink) throw new Error('no sink');
    // Delivery is at least once: a record the emulator holds twice counts once.
    const deadline = Date.now() + 90_000;
    let messages = messagesInCommitOrder(await sink.readStream(total, 90_000));
    while (messages.length < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      messages = messagesInCommitOrder(await sink.readStream(total));
    }
    expect(messages).toHaveLength(total);
    const normalized = withPlaceholders(messages, {
      databaseName: decodeURIComponent(new URL(ctx.sourceUrl).pathname.slice(1)),
      sinkId: sink.sink.id,
    });

    for (const table of [FULL_TABLE, DEFAULT_TABLE]) {
      const name = table.replaceAll('_', '-');
      const ofTable = normalized.filter((message) => message.metadata.table_name === table);
      if (updatingGolden) {
        await writeGolden(name, ofTable);
        continue;
      }
      const { expected, actual } = await goldenComparison(name, ofTable);
      // Soft, so one run shows the differences of both files.
      expect
        .soft(
          actual,
          `records of ${table} differ from expected/${name}.json (UPDATE_GOLDEN=1 rewrites it: check the new output first)`,
        )
        .toBe(expected);
    }
  }, 180_000);
});

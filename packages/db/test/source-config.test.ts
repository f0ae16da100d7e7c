import { SecretBox } from '@shardline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendPreparedMessages,
  createSource,
  type Database,
  deleteSink,
  listSourceConfigs,
  listSourceSinks,
  prepareMessage,
  pruneSourceConfigs,
  updateSink,
} from '../src';
import { createTestSink, message, openTestDatabase, TEST_SECRET_KEY } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

const secretBox = new SecretBox(TEST_SECRET_KEY);

async function newSource(): Promise<string> {
  const source = await createSource(db, {
    secretBox,
    input: {
      name: `source-${Math.random().toString(36).slice(2, 8)}`,
      url: 'postgres://app@127.0.0.1:1/shop',
    },
  });
  return source.id;
}

describe("a source's configuration snapshots", () => {
  it('are taken once per saving transaction, with the position it gives, and only for what shapes messages', async () => {
    const sourceId = await newSource();
    expect(await listSourceConfigs(db, { sourceId, afterVersion: 0n })).toEqual([]);
    const sink = await createTestSink(db, { sourceId, tables: [{ name: 'orders' }, { name: 'lines' }] });
    // The sink and both its tables in one transaction: one snapshot, without a position.
    const first = await listSourceConfigs(db, { sourceId, afterVersion: 0n });
    expect(first?.map((config) => [config.version, config.effectiveLsn])).toEqual([[1n, null]]);
    expect(first?.[0]?.sinks.map((route) => [route.sinkName, [...route.tables.keys()]])).toEqual([
      [sink.name, ['public.lines', 'public.orders']],
    ]);

    // A pause or a new stream changes nothing of what changes become.
    await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: { streamArn: sink.streamArn.replace('test', 'other') },
    });
    await db.prisma.sink.update({ where: { id: sink.id }, data: { pausedAt: new Date() } });
    expect(await listSourceConfigs(db, { sourceId, afterVersion: 1n })).toEqual([]);

    // Grouping does, from the position the request read.
    await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: { tables: [{ name: 'orders', groupColumns: ['customer'] }] },
      sourcePositions: { [sourceId]: 4242n },
    });
    const [regrouped] = (await listSourceConfigs(db, { sourceId, afterVersion: 1n })) ?? [];
    expect(regrouped?.version).toBe(2n);
    expect(regrouped?.effectiveLsn).toBe(4242n);
    expect(regrouped?.sinks[0]?.tables.get('public.orders')?.groupColumns).toEqual(['customer']);
    expect((await listSourceSinks(db, { sourceId }))[0]?.tables.has('public.lines')).toBe(false);

    // The snapshots a change at or after 5,000 can no longer follow are forgotten.
    await deleteSink(db, { sinkId: sink.id, sourcePositions: { [sourceId]: 5000n } });
    await pruneSourceConfigs(db, { sourceId, acknowledgedLsn: 5000n });
    const left = await listSourceConfigs(db, { sourceId, afterVersion: 0n });
    expect(left?.map((config) => [config.version, config.effectiveLsn, config.sinks.length])).toEqual([
      [3n, 5000n, 0],
    ]);
  });

  it("store a reader's messages only while the configuration they were built with is the source's", async () => {
    const sourceId = await newSource();
    const sink = await createTestSink(db, { sourceId, tables: [{ name: 'orders' }] });
    const prepared = [prepareMessage(message(10, 0, 'a'), sink.laneCount)];
    const stale = { sourceId, version: 0n };
    expect(
      await appendPreparedMessages(db, { sinkId: sink.id, messages: prepared, onlyIfSourceConfig: stale }),
    ).toEqual({ stored: 0, duplicates: 0, configMoved: true });
    expect(
      await appendPreparedMessages(db, {
        sinkId: sink.id,
        messages: [],
        filteredCount: 2,
        onlyIfSourceConfig: stale,
      }),
    ).toEqual({ stored: 0, duplicates: 0, configMoved: true });
    const { rows } = await db.pool.query('SELECT filtered_count FROM sink WHERE id = $1', [sink.id]);
    expect(rows[0]?.filtered_count).toBe('0');

    const current = { sourceId, version: 1n };
    expect(
      await appendPreparedMessages(db, { sinkId: sink.id, messages: prepared, onlyIfSourceConfig: current }),
    ).toEqual({ stored: 1, duplicates: 0, configMoved: false });
    // Stored before: a duplicate, not a moved configuration.
    expect(
      await appendPreparedMessages(db, { sinkId: sink.id, messages: prepared, onlyIfSourceConfig: current }),
    ).toEqual({ stored: 0, duplicates: 1, configMoved: false });
  });
});

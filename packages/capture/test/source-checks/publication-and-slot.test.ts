import { createSourceDatabase, type SourceDatabase } from '@shardline/testing';
import pg from 'pg';
import { LogicalReplicationService, PgoutputPlugin } from 'pg-logical-replication';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSource, dropSlotAndPublication, ensurePublicationAndSlot } from '../../src/source-checks';
import { checksOf } from './report-helpers';

let source: SourceDatabase;
let other: SourceDatabase | null = null;
beforeEach(async () => {
  source = await createSourceDatabase();
  await source.query(`
    CREATE TABLE orders (id bigint PRIMARY KEY, status text);
    CREATE TABLE customers (id bigint PRIMARY KEY, name text);
  `);
});
afterEach(async () => {
  await Promise.all([source.drop(), other?.drop()]);
  other = null;
});

const tables = [
  { schema: 'public', name: 'orders' },
  { schema: 'public', name: 'customers' },
];
const names = { publicationName: 'shardline_orders', slotName: 'shardline_orders' };

async function slotsOf(database: SourceDatabase) {
  const { rows } = await database.query<{ slot_name: string; plugin: string; active: boolean }>(
    'SELECT slot_name, plugin, active FROM pg_replication_slots WHERE database = current_database()',
  );
  return rows;
}

describe('ensurePublicationAndSlot', () => {
  it('creates both once, then the check finds them; dropSlotAndPublication removes both', async () => {
    expect(await ensurePublicationAndSlot(source.clientConfig, { ...names, tables })).toEqual({
      publicationCreated: true,
      tablesAdded: [],
      tablesMissing: [],
      slotCreated: true,
    });
    expect(await ensurePublicationAndSlot(source.clientConfig, { ...names, tables })).toEqual({
      publicationCreated: false,
      tablesAdded: [],
      tablesMissing: [],
      slotCreated: false,
    });

    const published = await source.query(
      "SELECT tablename FROM pg_publication_tables WHERE pubname = 'shardline_orders' ORDER BY tablename",
    );
    expect(published.rows.map((row) => row.tablename)).toEqual(['customers', 'orders']);
    expect(await slotsOf(source)).toEqual([
      { slot_name: 'shardline_orders', plugin: 'pgoutput', active: false },
    ]);

    const checks = checksOf(await checkSource(source.clientConfig, { ...names, tables }));
    expect(checks.publication).toEqual({
      id: 'publication',
      status: 'ok',
      title: 'The publication "shardline_orders" covers the chosen tables',
      detail: 'It includes public.orders, public.customers.',
    });
    expect(checks.slot).toMatchObject({
      status: 'ok',
      title: 'The replication slot "shardline_orders" is ready',
      detail: expect.stringMatching(
        new RegExp(
          `^It exists with the pgoutput plugin on database "${source.name}"; Shardline resumes reading from [0-9A-F]+/[0-9A-F]+\\.$`,
        ),
      ),
    });

    expect(await dropSlotAndPublication(source.clientConfig, names)).toEqual({
      slotDropped: true,
      publicationDropped: true,
    });
    expect(await dropSlotAndPublication(source.clientConfig, names)).toEqual({
      slotDropped: false,
      publicationDropped: false,
    });
    expect(await slotsOf(source)).toEqual([]);
  });

  it('runs safely from several processes at once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => ensurePublicationAndSlot(source.clientConfig, { ...names, tables })),
    );
    expect(results.filter((result) => result.publicationCreated)).toHaveLength(1);
    expect(results.filter((result) => result.slotCreated)).toHaveLength(1);
    expect(await slotsOf(source)).toHaveLength(1);
  });

  it('leaves an existing publication as it is, unless asked to add the missing tables', async () => {
    await source.query('CREATE PUBLICATION shardline_orders FOR TABLE orders');
    const published = async () =>
      (
        await source.query(
          "SELECT tablename FROM pg_publication_tables WHERE pubname = 'shardline_orders' ORDER BY tablename",
        )
      ).rows.map((row) => row.tablename);
    expect(await ensurePublicationAndSlot(source.clientConfig, { ...names, tables })).toMatchObject({
      publicationCreated: false,
      tablesAdded: [],
    });
    expect(await published()).toEqual(['orders']);

    const withMissing = [...tables, { schema: 'public', name: 'not_there' }];
    expect(
      await ensurePublicationAndSlot(source.clientConfig, {
        ...names,
        tables: withMissing,
        addMissingTables: true,
      }),
    ).toMatchObject({ publicationCreated: false, tablesAdded: ['public.customers'] });
    expect(await published()).toEqual(['customers', 'orders']);
    expect(checksOf(await checkSource(source.clientConfig, { ...names, tables })).publication.status).toBe(
      'ok',
    );
  });

  it('refuses a slot with another plugin', async () => {
    await source.query("SELECT pg_create_logical_replication_slot('shardline_orders', 'test_decoding')");
    await expect(ensurePublicationAndSlot(source.clientConfig, { ...names, tables })).rejects.toThrow(
      'the replication slot "shardline_orders" exists with the plugin test_decoding; Shardline needs pgoutput: give the source another slot name',
    );
    expect(checksOf(await checkSource(source.clientConfig, { ...names, tables })).slot).toEqual({
      id: 'slot',
      status: 'error',
      title: 'The replication slot "shardline_orders" uses the plugin test_decoding',
      detail:
        "Shardline reads with pgoutput, and a slot's plugin cannot be changed. Give this source another slot " +
        "name, or drop this slot if nothing else uses it: SELECT pg_drop_replication_slot('shardline_orders');",
    });
  });

  it('refuses a slot of the same name on another database', async () => {
    other = await createSourceDatabase();
    const slotName = `shardline_${other.name.slice(-12)}`;
    await other.query("SELECT pg_create_logical_replication_slot($1, 'pgoutput')", [slotName]);
    const report = await checkSource(source.clientConfig, { ...names, slotName, tables });
    expect(checksOf(report).slot).toEqual({
      id: 'slot',
      status: 'error',
      title: `The replication slot "${slotName}" belongs to another database`,
      detail: `It reads database "${other.name}", not "${source.name}". Slot names are shared by the whole server: give this source another slot name.`,
    });
    await expect(
      ensurePublicationAndSlot(source.clientConfig, { ...names, slotName, tables }),
    ).rejects.toThrow(`belongs to database "${other.name}"`);
  });
});

describe('a slot in use', () => {
  it('is a warning naming the reader, and the source database still drops cleanly', async () => {
    await ensurePublicationAndSlot(source.clientConfig, { ...names, tables });
    const reader = new LogicalReplicationService(
      { ...source.clientConfig, application_name: 'someone-else' },
      { acknowledge: { auto: false, timeoutSeconds: 0 } },
    );
    reader.on('error', () => {});
    void reader
      .subscribe(
        new PgoutputPlugin({ protoVersion: 1, publicationNames: [names.publicationName] }),
        names.slotName,
      )
      .catch(() => {});
    const deadline = Date.now() + 10_000;
    while (!(await slotsOf(source))[0]?.active) {
      if (Date.now() > deadline) throw new Error('the slot never became active');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const checks = checksOf(await checkSource(source.clientConfig, { ...names, tables }));
    expect(checks.slot).toMatchObject({
      status: 'warning',
      title: 'The replication slot "shardline_orders" is in use by another connection',
      detail: expect.stringMatching(
        /^Process \d+ \(application "someone-else", user "postgres"\) is reading from it\. A slot has one reader at a time: Shardline starts reading once that connection lets go\./,
      ),
    });
    await expect(
      dropSlotAndPublication(source.clientConfig, { ...names, releaseWaitMs: 300 }),
    ).rejects.toThrow(
      /^the replication slot "shardline_orders" is in use by process \d+: stop the reader that holds it, then try again$/,
    );

    // drop() must end the reader and remove the slot, or the shared server would keep WAL for it.
    await source.drop();
    await reader.stop().catch(() => {});
    const leftover = await checkLeftoverSlots(source.name);
    expect(leftover).toEqual([]);
  });
});

async function checkLeftoverSlots(database: string) {
  const client = new pg.Client({ ...source.clientConfig, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT slot_name FROM pg_replication_slots WHERE database = $1', [
      database,
    ]);
    return rows;
  } finally {
    await client.end();
  }
}

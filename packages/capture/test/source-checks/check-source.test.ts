import { createSourceDatabase, type SourceDatabase } from '@shardline/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSource } from '../../src/source-checks';
import { checksOf, statusesOf } from './report-helpers';

let source: SourceDatabase;
beforeEach(async () => {
  source = await createSourceDatabase();
  await source.query(`
    CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, customer_id bigint);
    CREATE TABLE customers (id bigint PRIMARY KEY, name text);
    ALTER TABLE customers REPLICA IDENTITY FULL;
  `);
});
afterEach(() => source.drop());

const names = () => ({ publicationName: 'shardline_test', slotName: 'shardline_test' });
const orders = { schema: 'public', name: 'orders' };
const customers = { schema: 'public', name: 'customers' };

describe('checkSource on a healthy source', () => {
  it('passes, warning only that a DEFAULT replica identity sends no old values', async () => {
    const report = await checkSource(source.clientConfig, { ...names(), tables: [orders, customers] });
    const checks = checksOf(report);
    expect(report.ok).toBe(true);
    expect(statusesOf(report)).toEqual({
      connection: 'ok',
      'wal-level': 'ok',
      'replication-permission': 'ok',
      tables: 'ok',
      publication: 'ok',
      slot: 'ok',
      'primary-keys': 'ok',
      'replica-identity': 'warning',
    });
    expect(checks.connection.detail).toMatch(
      new RegExp(
        `^Connected to database "${source.name}" on 127\\.0\\.0\\.1:5432 as "postgres" \\(PostgreSQL 15\\.`,
      ),
    );
    expect(checks['wal-level'].title).toBe('wal_level is logical');
    expect(checks['replication-permission']).toMatchObject({
      title: 'The role "postgres" may use replication',
      detail: '"postgres" is a superuser.',
    });
    expect(checks.tables).toMatchObject({
      title: 'All 2 chosen tables exist',
      detail: 'public.orders, public.customers.',
    });
    expect(checks.publication).toMatchObject({
      title: 'The publication "shardline_test" will be created',
      detail:
        'It does not exist yet; Shardline creates it when it starts reading: ' +
        'CREATE PUBLICATION shardline_test FOR TABLE public.orders, public.customers;',
    });
    expect(checks.slot.title).toBe('The replication slot "shardline_test" will be created');
    expect(checks['primary-keys'].detail).toBe(
      'public.orders: primary key (id).\npublic.customers: primary key (id).',
    );
    expect(checks['replica-identity']).toEqual({
      id: 'replica-identity',
      status: 'warning',
      title: 'public.orders does not send old values',
      detail: [
        'public.orders: replica identity DEFAULT: "changes" of updates will be an empty object (the old values ' +
          'are not sent), and deletes carry only the primary key (id). To get them, run: ' +
          'ALTER TABLE public.orders REPLICA IDENTITY FULL;',
        'public.customers: replica identity FULL: updates carry the old values of the changed columns in ' +
          '"changes", and deletes carry the whole old row.',
      ].join('\n'),
    });
  });

  it('has nothing to warn about when every table has replica identity FULL', async () => {
    const report = await checkSource(source.clientConfig, { ...names(), tables: [customers] });
    expect(report.ok).toBe(true);
    expect(Object.values(statusesOf(report))).toEqual(Array(8).fill('ok'));
    expect(checksOf(report)['replica-identity'].title).toBe('The table sends old values');
  });

  it('quotes names that need it in the SQL it suggests', async () => {
    await source.query('CREATE SCHEMA "Sales"; CREATE TABLE "Sales"."order" (id int PRIMARY KEY)');
    const report = await checkSource(source.clientConfig, {
      ...names(),
      tables: [{ schema: 'Sales', name: 'order' }],
    });
    const checks = checksOf(report);
    expect(checks.publication.detail).toContain(
      'CREATE PUBLICATION shardline_test FOR TABLE "Sales"."order";',
    );
    expect(checks['replica-identity'].detail).toContain('ALTER TABLE "Sales"."order" REPLICA IDENTITY FULL;');
  });
});

describe('checkSource with a missing table', () => {
  it('names the missing tables, and checks the others', async () => {
    const report = await checkSource(source.clientConfig, {
      ...names(),
      tables: [orders, { schema: 'public', name: 'orderz' }, { schema: 'audit', name: 'log' }],
    });
    const checks = checksOf(report);
    expect(report.ok).toBe(false);
    expect(checks.tables).toEqual({
      id: 'tables',
      status: 'error',
      title: '2 chosen tables do not exist',
      detail:
        `Database "${source.name}" has no table public.orderz, audit.log. Check the schema and table names ` +
        '(they are case-sensitive), or create the tables first.',
    });
    expect(statusesOf(report)).toMatchObject({
      connection: 'ok',
      'wal-level': 'ok',
      'replication-permission': 'ok',
      publication: 'ok',
      slot: 'ok',
      'primary-keys': 'ok',
      'replica-identity': 'warning',
    });
    expect(checks['primary-keys'].detail).toBe('public.orders: primary key (id).');
  });

  it('skips the per-table checks when none of the tables exists', async () => {
    const report = await checkSource(source.clientConfig, {
      ...names(),
      tables: [{ schema: 'public', name: 'nope' }],
    });
    const checks = checksOf(report);
    expect(checks.tables.title).toBe('1 chosen table does not exist');
    expect(checks['primary-keys']).toMatchObject({
      status: 'skipped',
      detail: 'Not checked: none of the chosen tables exists (see the tables check).',
    });
    expect(checks['replica-identity'].status).toBe('skipped');
  });

  it('refuses a view', async () => {
    await source.query('CREATE VIEW open_orders AS SELECT * FROM orders');
    const report = await checkSource(source.clientConfig, {
      ...names(),
      tables: [{ schema: 'public', name: 'open_orders' }],
    });
    expect(checksOf(report).tables).toMatchObject({
      status: 'error',
      title: '1 chosen table cannot be replicated',
      detail: 'public.open_orders is a view: only tables can be replicated.',
    });
  });
});

describe('checkSource with tables that cannot identify their rows', () => {
  beforeEach(async () => {
    await source.query('CREATE TABLE events (tenant_id int NOT NULL, kind text, body jsonb)');
  });
  const events = (groupColumns?: string[]) => ({ schema: 'public', name: 'events', groupColumns });

  it('refuses a table without a primary key and without grouping columns', async () => {
    const report = await checkSource(source.clientConfig, { ...names(), tables: [orders, events()] });
    const checks = checksOf(report);
    expect(checks['primary-keys']).toEqual({
      id: 'primary-keys',
      status: 'error',
      title: 'public.events cannot be grouped',
      detail:
        'public.events has no primary key, so its messages have no group. Name grouping columns for it in the ' +
        'sink, or add a primary key: ALTER TABLE public.events ADD PRIMARY KEY (<columns>);',
    });
    // Postgres itself would refuse the application's updates once the table is published.
    expect(checks['replica-identity'].status).toBe('error');
    expect(checks['replica-identity'].title).toBe(
      'Updates and deletes of public.events cannot be replicated',
    );
    expect(checks['replica-identity'].detail).toContain(
      'public.events: replica identity DEFAULT without a primary key. Once public.events is in the publication, ' +
        'Postgres refuses UPDATE and DELETE on it',
    );
    expect(statusesOf(report)).toMatchObject({
      connection: 'ok',
      tables: 'ok',
      publication: 'ok',
      slot: 'ok',
    });
  });

  it('accepts it with grouping columns (and replica identity FULL)', async () => {
    await source.query('ALTER TABLE events REPLICA IDENTITY FULL');
    const report = await checkSource(source.clientConfig, {
      ...names(),
      tables: [events(['tenant_id', 'kind'])],
    });
    const checks = checksOf(report);
    expect(report.ok).toBe(true);
    expect(checks['primary-keys']).toMatchObject({
      status: 'ok',
      detail: 'public.events: no primary key; messages are grouped by tenant_id, kind.',
    });
    expect(checks['replica-identity'].status).toBe('ok');
  });

  it('names grouping columns the table does not have', async () => {
    const report = await checkSource(source.clientConfig, {
      ...names(),
      tables: [events(['tenant', 'kind']), { ...orders, groupColumns: ['customer'] }],
    });
    expect(checksOf(report)['primary-keys']).toMatchObject({
      status: 'error',
      title: '2 tables cannot be grouped',
      detail:
        'public.events has no column "tenant": grouping columns must be columns of the table (it has tenant_id, ' +
        'kind, body).\npublic.orders has no column "customer": grouping columns must be columns of the table ' +
        '(it has id, status, customer_id).',
    });
  });

  it('refuses replica identity NOTHING', async () => {
    await source.query('ALTER TABLE orders REPLICA IDENTITY NOTHING');
    const report = await checkSource(source.clientConfig, { ...names(), tables: [orders] });
    expect(checksOf(report)['replica-identity']).toMatchObject({
      status: 'error',
      detail: expect.stringMatching(
        /^public\.orders: replica identity NOTHING\. Once public\.orders is in the publication/,
      ),
    });
  });

  it('tells what an index replica identity sends', async () => {
    await source.query(`
      CREATE UNIQUE INDEX events_key ON events (tenant_id);
      ALTER TABLE events REPLICA IDENTITY USING INDEX events_key;
    `);
    const report = await checkSource(source.clientConfig, { ...names(), tables: [events(['tenant_id'])] });
    expect(checksOf(report)['replica-identity']).toMatchObject({
      status: 'warning',
      detail: expect.stringContaining('deletes carry only tenant_id.'),
    });
  });
});

describe('checkSource with a role that may not replicate', () => {
  it('gives the ALTER ROLE to run, and still reports the rest', async () => {
    const role = await source.createRole({ replication: false });
    await source.query(`GRANT SELECT ON orders TO ${role.name}`);
    const report = await checkSource(role.clientConfig, { ...names(), tables: [orders] });
    const checks = checksOf(report);
    expect(report.ok).toBe(false);
    expect(checks['replication-permission']).toEqual({
      id: 'replication-permission',
      status: 'error',
      title: `The role "${role.name}" may not use replication`,
      detail:
        'Reading changes through a replication slot needs a role with the REPLICATION attribute (or a ' +
        `superuser). As a superuser, run: ALTER ROLE ${role.name} WITH REPLICATION; (on Amazon RDS: ` +
        `GRANT rds_replication TO ${role.name};)`,
    });
    expect(checks.connection.detail).toContain(`as "${role.name}"`);
    // Creating the publication needs ownership of the tables, which an application role often lacks.
    expect(checks.publication).toEqual({
      id: 'publication',
      status: 'error',
      title: `The publication "shardline_test" does not exist, and "${role.name}" may not create it`,
      detail:
        `Creating it needs the CREATE privilege on database "${source.name}" and ownership of public.orders. ` +
        "Ask the tables' owner or a superuser to run: CREATE PUBLICATION shardline_test FOR TABLE public.orders;",
    });
    expect(statusesOf(report)).toMatchObject({
      connection: 'ok',
      'wal-level': 'ok',
      tables: 'ok',
      slot: 'ok',
      'primary-keys': 'ok',
      'replica-identity': 'warning',
    });
  });

  it('accepts a role with REPLICATION, and warns when it cannot read a table for backfills', async () => {
    const role = await source.createRole({ replication: true });
    const report = await checkSource(role.clientConfig, { ...names(), tables: [orders] });
    const checks = checksOf(report);
    expect(checks['replication-permission']).toMatchObject({
      status: 'ok',
      detail: `"${role.name}" has the REPLICATION attribute.`,
    });
    expect(checks.tables).toMatchObject({
      status: 'warning',
      title: `"${role.name}" cannot read 1 table`,
      detail:
        'Changes will stream, but backfilling existing rows of public.orders needs the SELECT privilege. ' +
        `Run: GRANT SELECT ON public.orders TO ${role.name};`,
    });
  });
});

describe('checkSource with an existing publication', () => {
  it('names the tables it misses and the ALTER PUBLICATION to run', async () => {
    await source.query('CREATE PUBLICATION shardline_test FOR TABLE orders');
    const report = await checkSource(source.clientConfig, { ...names(), tables: [orders, customers] });
    const checks = checksOf(report);
    expect(report.ok).toBe(false);
    expect(checks.publication).toEqual({
      id: 'publication',
      status: 'error',
      title: 'The publication "shardline_test" does not cover 1 chosen table',
      detail:
        'It does not include public.customers, so changes of that table would not reach Shardline. As the ' +
        'owner of the publication (or a superuser), run: ALTER PUBLICATION shardline_test ADD TABLE public.customers;',
    });
    expect(statusesOf(report)).toMatchObject({
      connection: 'ok',
      tables: 'ok',
      slot: 'ok',
      'primary-keys': 'ok',
    });
  });

  it('accepts a publication of all tables, or of the schema', async () => {
    await source.query(
      'CREATE PUBLICATION everything FOR ALL TABLES; CREATE PUBLICATION by_schema FOR TABLES IN SCHEMA public',
    );
    for (const [publicationName, detail] of [
      ['everything', 'It publishes every table of the database.'],
      ['by_schema', 'It includes public.orders, public.customers.'],
    ]) {
      const report = await checkSource(source.clientConfig, {
        publicationName: publicationName as string,
        slotName: 'shardline_test',
        tables: [orders, customers],
      });
      expect(checksOf(report).publication).toMatchObject({ status: 'ok', detail });
    }
  });

  it('warns about actions, rows and columns the publication leaves out', async () => {
    await source.query(`
      CREATE PUBLICATION partial FOR TABLE orders WHERE (status <> 'draft'), customers (id)
        WITH (publish = 'insert, update');
    `);
    const report = await checkSource(source.clientConfig, {
      publicationName: 'partial',
      slotName: 'shardline_test',
      tables: [orders, customers],
    });
    expect(checksOf(report).publication).toEqual({
      id: 'publication',
      status: 'warning',
      title: 'The publication "partial" leaves out some changes',
      detail:
        'It does not publish deletes, so those changes never reach Shardline. To publish them, run: ' +
        "ALTER PUBLICATION partial SET (publish = 'insert, update, delete, truncate'); " +
        "Only rows where (status <> 'draft'::text) are published for public.orders. " +
        'Only some columns of public.customers are published (a column list).',
    });
  });
});

import { ensurePublicationAndSlot } from '@shardline/capture';
import { SecretBox } from '@shardline/core';
import { createSink, type Database } from '@shardline/db';
import {
  createSourceDatabase,
  type ReplicaLevelPostgres,
  type SourceDatabase,
  startReplicaLevelPostgres,
} from '@shardline/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as checkSavedSource } from '../app/api/v1/sources/[id]/checks/route';
import { DELETE as deleteSource, GET as getSource } from '../app/api/v1/sources/[id]/route';
import { GET as listTables } from '../app/api/v1/sources/[id]/tables/route';
import { POST as checkSettings } from '../app/api/v1/sources/check/route';
import { POST as createSource, GET as listSources } from '../app/api/v1/sources/route';
import { call, openApiHarness, TEST_SECRET_KEY } from './api-harness';

// The main test server trusts local connections, so any password gets in; what matters here is
// that it never comes back. Wrong passwords are tried on a cluster that asks for them (below).
const PASSWORD = 'pw-that-must-never-be-shown';

let db: Database;
let close: () => Promise<void>;
let sourceDb: SourceDatabase;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  sourceDb = await createSourceDatabase();
  await sourceDb.query(`
    CREATE TABLE public.orders (id bigint PRIMARY KEY, customer text NOT NULL, note varchar(40));
    CREATE TABLE public.events (at timestamptz, kind text);
    ALTER TABLE public.events REPLICA IDENTITY FULL;
    CREATE SCHEMA billing;
    CREATE TABLE billing.invoices (year int, number int, total numeric(12,2), PRIMARY KEY (year, number));
    CREATE VIEW public.order_totals AS SELECT customer, count(*) FROM public.orders GROUP BY customer;
    CREATE PUBLICATION shop_pub FOR TABLE public.orders;
  `);
});
afterAll(async () => {
  await sourceDb?.drop();
  await close();
});

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${++counter}`;

/** The source database's connection as the fields a person types in. */
function connectionFields() {
  const config = sourceDb.clientConfig;
  return {
    host: config.host,
    port: config.port,
    database: config.database,
    username: config.user,
    password: typeof config.password === 'string' ? config.password : PASSWORD,
    sslMode: 'disable',
  };
}

async function createReachableSource(overrides: Record<string, unknown> = {}) {
  const answer = await call(createSource, {
    path: '/api/v1/sources',
    body: { name: uniqueName('shop'), ...connectionFields(), publicationName: 'shop_pub', ...overrides },
  });
  expect(answer.status, answer.text).toBe(201);
  return answer;
}

type Check = { id: string; status: string; title: string; detail: string };
const checksById = (report: { checks: Check[] }) =>
  Object.fromEntries(report.checks.map((check) => [check.id, check]));

describe('POST /api/v1/sources with a reachable database', () => {
  it('answers the checklist for the new source, with no tables yet', async () => {
    const answer = await createReachableSource();
    const password = connectionFields().password;
    expect(answer.text).not.toContain(password);
    const checks = checksById(answer.body.report);
    expect(answer.body.report.ok, JSON.stringify(answer.body.report)).toBe(true);
    expect(checks.connection).toMatchObject({ status: 'ok', title: 'Connected' });
    expect(checks.connection?.detail).toContain(`database "${sourceDb.name}"`);
    expect(checks['wal-level']).toMatchObject({ status: 'ok', title: 'wal_level is logical' });
    expect(checks.tables).toMatchObject({ status: 'ok', title: 'No tables chosen yet' });
    // Said once: the per-table checks only say they wait for tables.
    const saying = (answer.body.report.checks as Check[]).filter((check) =>
      /no tables chosen/i.test(`${check.title} ${check.detail}`),
    );
    expect(saying.map((check) => check.id)).toEqual(['tables']);
    expect(checks['primary-keys']).toMatchObject({ status: 'skipped', title: 'Primary keys not checked' });
    expect(checks['replica-identity']).toMatchObject({
      status: 'skipped',
      title: 'Replica identity not checked',
    });
    expect(checks.publication?.title).toBe('The publication "shop_pub" covers the chosen tables');
    expect(checks.slot?.title).toBe(`The replication slot "${answer.body.source.slotName}" will be created`);
  });
});

describe('POST /api/v1/sources/check', () => {
  const check = (body: Record<string, unknown>) =>
    call(checkSettings, { path: '/api/v1/sources/check', body });

  it('checks unsaved settings for the tables given, and saves nothing', async () => {
    const before = (await call(listSources, { path: '/api/v1/sources' })).body.sources.length;
    const answer = await check({
      name: uniqueName('unsaved'),
      ...connectionFields(),
      publicationName: 'shop_pub',
      tables: [{ name: 'orders' }, { schema: 'public', name: 'events' }],
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.text).not.toContain(connectionFields().password);
    const checks = checksById(answer.body.report);
    expect(answer.body.report.ok).toBe(false);
    // events has no primary key and no grouping columns; the publication lacks it.
    expect(checks['primary-keys']).toMatchObject({
      status: 'error',
      title: 'public.events cannot be grouped',
    });
    expect(checks.publication?.status).toBe('error');
    expect(checks.publication?.detail).toContain('ALTER PUBLICATION shop_pub ADD TABLE public.events;');
    expect(checks.tables).toMatchObject({ status: 'ok', title: 'All 2 chosen tables exist' });
    expect((await call(listSources, { path: '/api/v1/sources' })).body.sources.length).toBe(before);
  });

  it('accepts grouping columns for a table without a primary key', async () => {
    const answer = await check({
      name: uniqueName('grouped'),
      ...connectionFields(),
      tables: [{ name: 'events', groupColumns: ['kind'] }],
    });
    expect(checksById(answer.body.report)['primary-keys']).toMatchObject({
      status: 'ok',
      detail: 'public.events: no primary key; messages are grouped by kind.',
    });
  });

  it('says which chosen table does not exist', async () => {
    const answer = await check({
      name: uniqueName('missing'),
      ...connectionFields(),
      tables: [{ name: 'ordres' }],
    });
    expect(checksById(answer.body.report).tables).toMatchObject({
      status: 'error',
      title: '1 chosen table does not exist',
    });
  });

  it.each([
    ['a table without a name', { tables: [{ schema: 'public' }] }, 'tables.0.name'],
    ['a bad port', { port: -1 }, 'port'],
    ['a bad publication name', { publicationName: 'Shop Pub' }, 'publicationName'],
    ['no name', { name: undefined }, 'name'],
  ])('refuses %s with a 400 naming the field', async (_, overrides, field) => {
    const answer = await check({ name: 'x', ...connectionFields(), ...overrides });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field });
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await call(checkSettings, { path: '/api/v1/sources/check', body: 'host=db' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_json');
  });
});

describe('GET /api/v1/sources/{id}/checks', () => {
  it('checks the saved source for the tables its sinks take', async () => {
    const { body } = await createReachableSource();
    const id = body.source.id;
    const run = () => call(checkSavedSource, { path: `/api/v1/sources/${id}/checks`, params: { id } });

    const alone = await run();
    expect(alone.status).toBe(200);
    expect(checksById(alone.body.report).tables?.title).toBe('No tables chosen yet');

    await createSink(db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      input: {
        name: uniqueName('events sink'),
        streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/events',
        sourceId: id,
        tables: [{ schema: 'public', name: 'events' }],
      },
    });
    const withSink = await run();
    const checks = checksById(withSink.body.report);
    expect(withSink.body.report.ok).toBe(false);
    expect(checks.tables?.title).toBe('The chosen table exists');
    expect(checks['primary-keys']?.title).toBe('public.events cannot be grouped');
    expect(withSink.text).not.toContain(connectionFields().password);
  });

  it('answers 404 for an unknown source', async () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const answer = await call(checkSavedSource, { path: `/api/v1/sources/${id}/checks`, params: { id } });
    expect(answer.status).toBe(404);
  });
});

describe('GET /api/v1/sources/{id}/tables', () => {
  const tablesOf = (id: string) => call(listTables, { path: `/api/v1/sources/${id}/tables`, params: { id } });

  it('lists the tables with their columns, key, replica identity and publication, and no views', async () => {
    const { body } = await createReachableSource();
    const answer = await tablesOf(body.source.id);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.tables).toEqual([
      {
        schema: 'billing',
        name: 'invoices',
        columns: [
          { name: 'year', type: 'integer', nullable: false },
          { name: 'number', type: 'integer', nullable: false },
          { name: 'total', type: 'numeric(12,2)', nullable: true },
        ],
        primaryKey: ['year', 'number'],
        replicaIdentity: 'default',
        inPublication: false,
      },
      {
        schema: 'public',
        name: 'events',
        columns: [
          { name: 'at', type: 'timestamp with time zone', nullable: true },
          { name: 'kind', type: 'text', nullable: true },
        ],
        primaryKey: [],
        replicaIdentity: 'full',
        inPublication: false,
      },
      {
        schema: 'public',
        name: 'orders',
        columns: [
          { name: 'id', type: 'bigint', nullable: false },
          { name: 'customer', type: 'text', nullable: false },
          { name: 'note', type: 'character varying(40)', nullable: true },
        ],
        primaryKey: ['id'],
        replicaIdentity: 'default',
        inPublication: true,
      },
    ]);
  });

  it('answers 502 with what is wrong when the source database cannot be reached', async () => {
    const answer = await call(createSource, {
      path: '/api/v1/sources',
      // Saved anyway: the tables route is what this is about.
      query: { force: 'true' },
      body: { name: uniqueName('closed port'), url: 'postgres://app@127.0.0.1:1/shop', password: PASSWORD },
    });
    const tables = await tablesOf(answer.body.source.id);
    expect(tables.status).toBe(502);
    expect(tables.body.error.code).toBe('source_unreachable');
    expect(tables.body.error.message).toMatch(
      /^Connection refused: Nothing accepts connections at 127\.0\.0\.1:1\./,
    );
    expect(tables.text).not.toContain(PASSWORD);
  });

  it('answers 404 for an id that is not a UUID', async () => {
    expect((await tablesOf('orders')).status).toBe(404);
  });
});

describe('DELETE /api/v1/sources/{id} with a reachable database', () => {
  it("drops the source's slot and publication, so the server stops keeping WAL for it", async () => {
    const { body } = await createReachableSource({ publicationName: null });
    const { source } = body;
    await ensurePublicationAndSlot(sourceDb.clientConfig, {
      publicationName: source.publicationName,
      slotName: source.slotName,
      tables: [{ schema: 'public', name: 'orders' }],
    });
    const slots = () =>
      sourceDb.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [source.slotName]);
    expect((await slots()).rowCount).toBe(1);

    const answer = await call(deleteSource, {
      method: 'DELETE',
      path: `/api/v1/sources/${source.id}`,
      params: { id: source.id },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({
      deleted: true,
      cleanup: { slotDropped: true, publicationDropped: true, error: null },
    });
    expect((await slots()).rowCount).toBe(0);
    const publications = await sourceDb.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [
      source.publicationName,
    ]);
    expect(publications.rowCount).toBe(0);
    const gone = await call(getSource, { path: `/api/v1/sources/${source.id}`, params: { id: source.id } });
    expect(gone.status).toBe(404);
  });
});

describe('a source whose password is wrong', () => {
  // This cluster asks every role but its superuser for a password.
  let cluster: ReplicaLevelPostgres;
  const RIGHT = 'the-right-password';
  const WRONG = 'a-wrong-password';
  beforeAll(async () => {
    cluster = await startReplicaLevelPostgres();
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await client.query(`CREATE ROLE reader LOGIN PASSWORD '${RIGHT}'`);
    await client.end();
  });
  afterAll(() => cluster?.stop());

  const settings = (password: string) => ({
    name: uniqueName('guarded'),
    host: cluster.host,
    port: cluster.port,
    database: 'postgres',
    username: 'reader',
    password,
    sslMode: 'disable',
  });

  it('gets a clear failed check, without the password in the answer', async () => {
    const answer = await call(checkSettings, { path: '/api/v1/sources/check', body: settings(WRONG) });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(WRONG);
    expect(answer.body.report.ok).toBe(false);
    expect(answer.body.report.checks[0]).toEqual({
      id: 'connection',
      status: 'error',
      title: 'Wrong password',
      detail:
        `The server at ${cluster.host}:${cluster.port} refused the password for user "reader". ` +
        'Check the user name and the password, then save the source again.',
    });

    const right = await call(checkSettings, { path: '/api/v1/sources/check', body: settings(RIGHT) });
    expect(checksById(right.body.report).connection?.status).toBe('ok');
  });

  it('checks an edit with the saved password when none is typed again', async () => {
    const created = await call(createSource, {
      path: '/api/v1/sources',
      query: { force: 'true' },
      body: settings(RIGHT),
    });
    expect(created.status).toBe(201);
    const { password: _typed, ...withoutPassword } = settings(RIGHT);
    const edited = { ...withoutPassword, name: created.body.source.name };
    const alone = await call(checkSettings, { path: '/api/v1/sources/check', body: edited });
    expect(checksById(alone.body.report).connection?.status).toBe('error');
    const withSaved = await call(checkSettings, {
      path: '/api/v1/sources/check',
      body: { ...edited, sourceId: created.body.source.id },
    });
    expect(checksById(withSaved.body.report).connection?.status).toBe('ok');
    expect(withSaved.text).not.toContain(RIGHT);
  });

  it('makes the table list answer 502 saying the password is wrong', async () => {
    // Saved anyway: the answer still says what its checks found.
    const created = await call(createSource, {
      path: '/api/v1/sources',
      query: { force: 'true' },
      body: settings(WRONG),
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(WRONG);
    expect(created.body.report.checks[0].title).toBe('Wrong password');
    const id = created.body.source.id;
    const tables = await call(listTables, { path: `/api/v1/sources/${id}/tables`, params: { id } });
    expect(tables.status).toBe(502);
    expect(tables.body.error.message).toMatch(
      /^Wrong password: The server at .* refused the password for user "reader"/,
    );
    expect(tables.text).not.toContain(WRONG);
  });
});

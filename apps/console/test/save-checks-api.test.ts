import { randomBytes } from 'node:crypto';
import {
  createSourceDatabase,
  createTestStream,
  type SourceDatabase,
  type TestStream,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getSink, PATCH as patchSink } from '../app/api/v1/sinks/[id]/route';
import { POST as createSink, GET as listSinks } from '../app/api/v1/sinks/route';
import { GET as getSource, PATCH as patchSource } from '../app/api/v1/sources/[id]/route';
import { POST as createSource, GET as listSources } from '../app/api/v1/sources/route';
import { call, openApiHarness } from './api-harness';

// Saving runs the checks (issue 14): refused with what failed and nothing saved, or saved with
// force=true and then shown as it is, never healthy. No engine runs here: what is saved stays
// unchecked, and so shows `unverified` (test 3 in health-truth.test.ts runs one).

let close: () => Promise<void>;
let sourceDb: SourceDatabase;
let stream: TestStream;
let sourceId: string;

beforeAll(async () => {
  ({ close } = await openApiHarness());
  sourceDb = await createSourceDatabase();
  await sourceDb.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text)');
  await sourceDb.query('CREATE TABLE events (at timestamptz, kind text)');
  stream = await createTestStream(kinesisEndpoint());
  // Slot and publication names are server-wide: a name of its own per run.
  const created = await call(createSource, {
    body: { name: `shop_${randomBytes(3).toString('hex')}`, url: sourceDb.url },
  });
  expect(created.status, created.text).toBe(201);
  sourceId = created.body.source.id;
});

afterAll(async () => {
  await close?.();
  await sourceDb?.drop();
});

let counter = 0;
const body = (overrides: Record<string, unknown> = {}) => ({
  name: `sink-${++counter}`,
  streamArn: stream.streamArn,
  endpoint: kinesisEndpoint(),
  accessKeyId: 'AKIAEMULATOR',
  secretAccessKey: 'emulator-secret',
  sourceId,
  tables: [{ name: 'orders' }],
  ...overrides,
});

const checksOf = (answer: {
  body: { error: { checks: Array<{ id: string; status: string; title: string }> } };
}) => Object.fromEntries(answer.body.error.checks.map((check) => [check.id, check]));

const sinkCount = async () => (await call(listSinks, {})).body.sinks.length;

describe('POST /api/v1/sinks runs the checks first', () => {
  it('saves a sink whose checks pass, unverified until an engine checks it', async () => {
    const answer = await call(createSink, { body: body() });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.sink.health.status).toBe('unverified');
  });

  it('answers 422 with every check, naming each failing table and the stream, and saves nothing', async () => {
    const before = await sinkCount();
    const answer = await call(createSink, {
      body: body({
        streamArn: stream.streamArn.replace(/stream\/.+$/, 'stream/no-such-stream'),
        tables: [{ name: 'orders' }, { name: 'missing' }, { name: 'events' }],
      }),
    });
    expect(answer.status, answer.text).toBe(422);
    expect(answer.body.error.code).toBe('checks_failed');
    expect(answer.body.error.message).toMatch(
      /^the sink was not saved: 3 checks failed .*save anyway \(force=true\)/,
    );
    const checks = checksOf(answer);
    expect(checks.stream).toMatchObject({ status: 'error' });
    expect(checks.stream?.title).toMatch(/^Checking stream no-such-stream failed: the stream does not exist/);
    expect(checks['table:public.orders']).toMatchObject({
      status: 'ok',
      title: 'public.orders can be captured',
    });
    expect(checks['table:public.missing']?.title).toMatch(/^The table public\.missing does not exist/);
    expect(checks['table:public.events']?.title).toBe(
      'The table public.events has no primary key and the sink names no grouping columns for it, so its messages have no group.',
    );
    expect(await sinkCount()).toBe(before);
  });

  it('names a grouping column the table does not have', async () => {
    const answer = await call(createSink, {
      body: body({ tables: [{ name: 'events', groupColumns: ['kind', 'tenant'] }] }),
    });
    expect(answer.status).toBe(422);
    expect(checksOf(answer)['table:public.events']?.title).toBe(
      'The table public.events has no column "tenant", which the sink groups its messages by.',
    );
  });

  it('saves with force=true, and the sink shows it is not healthy', async () => {
    const answer = await call(createSink, {
      body: body({ tables: [{ name: 'missing' }] }),
      query: { force: 'true' },
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.sink.health.status).not.toBe('healthy');
  });
});

describe('PATCH /api/v1/sinks/{id} runs the checks of what it changes', () => {
  it('refuses a table that does not exist and changes nothing; other edits are not held back', async () => {
    const created = await call(createSink, { body: body() });
    const id = created.body.sink.id;
    const refused = await call(patchSink, {
      method: 'PATCH',
      params: { id },
      body: { tables: [{ name: 'missing' }] },
    });
    expect(refused.status, refused.text).toBe(422);
    expect(Object.keys(checksOf(refused))).toEqual(['table:public.missing']);
    expect(
      (await call(getSink, { params: { id } })).body.sink.tables.map((table: { name: string }) => table.name),
    ).toEqual(['orders']);
    const renamed = await call(patchSink, {
      method: 'PATCH',
      params: { id },
      body: { name: `renamed-${counter}` },
    });
    expect(renamed.status, renamed.text).toBe(200);
    const forced = await call(patchSink, {
      method: 'PATCH',
      params: { id },
      body: { tables: [{ name: 'missing' }] },
      query: { force: 'true' },
    });
    expect(forced.status).toBe(200);
    expect(forced.body.sink.health.status).not.toBe('healthy');
  });

  it('checks a new endpoint with the secret given again, never the saved one', async () => {
    const created = await call(createSink, { body: body() });
    const id = created.body.sink.id;
    const withSaved = await call(patchSink, {
      method: 'PATCH',
      params: { id },
      body: { endpoint: 'http://127.0.0.1:1' },
    });
    expect(withSaved.status).toBe(400);
    expect(withSaved.body.error.field).toBe('secretAccessKey');
    const refused = await call(patchSink, {
      method: 'PATCH',
      params: { id },
      body: { endpoint: 'http://127.0.0.1:1', secretAccessKey: 'emulator-secret' },
    });
    expect(refused.status).toBe(422);
    expect(checksOf(refused).stream?.title).toMatch(/nothing answered \(ECONNREFUSED/);
    expect((await call(getSink, { params: { id } })).body.sink.endpoint).toBe(kinesisEndpoint());
  });
});

describe('POST and PATCH of sources run the source checks first', () => {
  it('refuses a source that cannot be reached and saves nothing, or saves it with force', async () => {
    const before = (await call(listSources, {})).body.sources.length;
    const settings = {
      name: `nowhere_${randomBytes(3).toString('hex')}`,
      url: 'postgres://app@127.0.0.1:1/shop',
    };
    const refused = await call(createSource, { body: settings });
    expect(refused.status).toBe(422);
    expect(refused.body.error.checks[0]).toMatchObject({
      id: 'connection',
      status: 'error',
      title: 'Connection refused',
    });
    expect((await call(listSources, {})).body.sources.length).toBe(before);

    const forced = await call(createSource, { body: settings, query: { force: 'true' } });
    expect(forced.status).toBe(201);
    const shown = await call(getSource, { params: { id: forced.body.source.id } });
    expect(shown.body.source.health.status).not.toBe('reading');
  });

  it('refuses an edit of the connection that breaks it, keeping the saved settings', async () => {
    const refused = await call(patchSource, { method: 'PATCH', params: { id: sourceId }, body: { port: 1 } });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.checks[0]).toMatchObject({ id: 'connection', status: 'error' });
    expect((await call(getSource, { params: { id: sourceId } })).body.source.port).not.toBe(1);
    const renamed = await call(patchSource, {
      method: 'PATCH',
      params: { id: sourceId },
      body: { name: 'shop-2' },
    });
    expect(renamed.status).toBe(200);
  });
});

import { SecretBox } from '@shardline/core';
import { createSink, type Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DELETE as deleteSource,
  GET as getSource,
  PATCH as patchSource,
} from '../app/api/v1/sources/[id]/route';
import { POST as createSource, GET as listSources } from '../app/api/v1/sources/route';
import { call, openApiHarness, TEST_SECRET_KEY } from './api-harness';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

// Sources here point at a closed port: these tests are about what is stored and answered, and a
// refused connection is answered at once. Checks against a real database are in sources-checks-api.
const NOWHERE = 'postgres://app@127.0.0.1:1/shop';
const PASSWORD = 'hunter2-never-shown';
const UNKNOWN_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${++counter}`;

async function create(body: Record<string, unknown>) {
  const answer = await call(createSource, { query: FORCE, path: '/api/v1/sources', body });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.source;
}

const get = (id: string) => call(getSource, { path: `/api/v1/sources/${id}`, params: { id } });
const patch = (id: string, body: unknown) =>
  call(patchSource, { query: FORCE, method: 'PATCH', path: `/api/v1/sources/${id}`, params: { id }, body });
const remove = (id: string) =>
  call(deleteSource, { method: 'DELETE', path: `/api/v1/sources/${id}`, params: { id } });

async function storedPassword(id: string): Promise<string | null> {
  const { rows } = await db.pool.query<{ password_ciphertext: string | null }>(
    'SELECT password_ciphertext FROM source WHERE id = $1',
    [id],
  );
  return rows[0]?.password_ciphertext ?? null;
}

function decrypt(ciphertext: string | null): string | null {
  return ciphertext === null ? null : new SecretBox(TEST_SECRET_KEY).decrypt(ciphertext);
}

describe('POST /api/v1/sources', () => {
  it('creates a source from a URL, shows whether a password is set but never the password', async () => {
    const name = uniqueName('Shop DB');
    const answer = await call(createSource, {
      query: FORCE,
      path: '/api/v1/sources',
      body: { name, url: NOWHERE, password: PASSWORD },
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.text).not.toContain(PASSWORD);
    expect(answer.body.source).toMatchObject({
      name,
      host: '127.0.0.1',
      port: 1,
      database: 'shop',
      username: 'app',
      hasPassword: true,
      sslMode: 'prefer',
      publicationName: `shardline_shop_db_${counter}`,
      slotName: `shardline_shop_db_${counter}`,
      confirmedLsn: null,
    });
    expect(answer.body.source).not.toHaveProperty('password');
    expect(answer.body.source).not.toHaveProperty('passwordCiphertext');

    // Stored encrypted: not the password itself, but it decrypts to it.
    const stored = await storedPassword(answer.body.source.id);
    expect(stored).not.toContain(PASSWORD);
    expect(decrypt(stored)).toBe(PASSWORD);

    // The report is the checklist; an unreachable database is a failed check, not an API error.
    expect(answer.body.report.ok).toBe(false);
    expect(answer.body.report.checks[0]).toMatchObject({
      id: 'connection',
      status: 'error',
      title: 'Connection refused',
    });
    expect(answer.body.report.checks.slice(1).map((check: { status: string }) => check.status)).toEqual(
      Array(7).fill('skipped'),
    );
  });

  it('creates a source from fields, with the default port', async () => {
    const source = await create({
      name: uniqueName('fields'),
      host: 'db.internal',
      database: 'orders',
      username: 'reader',
      sslMode: 'require',
      publicationName: 'orders_pub',
      slotName: 'orders_slot',
    });
    expect(source).toMatchObject({
      host: 'db.internal',
      port: 5432,
      database: 'orders',
      username: 'reader',
      hasPassword: false,
      sslMode: 'require',
      publicationName: 'orders_pub',
      slotName: 'orders_slot',
    });
  });

  it.each([
    ['no name', { url: NOWHERE }, 'name'],
    ['an empty name', { name: '  ', url: NOWHERE }, 'name'],
    ['a port out of range', { name: 'p', host: 'h', database: 'd', username: 'u', port: 70000 }, 'port'],
    [
      'a port that is not a number',
      { name: 'p', host: 'h', database: 'd', username: 'u', port: '5432x' },
      'port',
    ],
    [
      'a publication name with a dash',
      { name: 'p', url: NOWHERE, publicationName: 'my-pub' },
      'publicationName',
    ],
    ['a slot name with capitals', { name: 'p', url: NOWHERE, slotName: 'Orders' }, 'slotName'],
    ['no host and no url', { name: 'p', database: 'd', username: 'u' }, 'host'],
    ['a URL that is not one', { name: 'p', url: 'mysql://x/y' }, 'url'],
    ['an unknown sslMode', { name: 'p', url: NOWHERE, sslMode: 'sometimes' }, 'sslMode'],
  ])('refuses %s with a 400 naming the field', async (_, body, field) => {
    const answer = await call(createSource, { query: FORCE, path: '/api/v1/sources', body });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field });
    expect(answer.body.error.message).toContain(field);
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await call(createSource, { query: FORCE, path: '/api/v1/sources', body: '{"name": ' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_json');
  });

  it('answers 409 for a name already taken, and for another source on the same slot', async () => {
    const name = uniqueName('taken');
    await create({ name, url: 'postgres://u@db.internal/shop', slotName: 'shared_slot' });
    const sameName = await call(createSource, {
      query: FORCE,
      path: '/api/v1/sources',
      body: { name, url: 'postgres://u@db.internal/other' },
    });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error).toMatchObject({
      code: 'conflict',
      field: 'name',
      message: `a source named "${name}" already exists`,
    });
    const sameSlot = await call(createSource, {
      query: FORCE,
      path: '/api/v1/sources',
      body: { name: uniqueName('other'), url: 'postgres://u@db.internal/shop', slotName: 'shared_slot' },
    });
    expect(sameSlot.status).toBe(409);
    expect(sameSlot.body.error.field).toBe('slotName');
  });
});

describe('GET /api/v1/sources', () => {
  it('lists every source by name, without passwords', async () => {
    const first = await create({ name: uniqueName('aaa list'), url: NOWHERE, password: PASSWORD });
    const answer = await call(listSources, { path: '/api/v1/sources' });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(PASSWORD);
    const names = answer.body.sources.map((source: { name: string }) => source.name);
    expect(names).toContain(first.name);
    expect(names).toEqual([...names].sort());
    expect(answer.body.sources.find((source: { id: string }) => source.id === first.id).hasPassword).toBe(
      true,
    );
  });
});

describe('GET /api/v1/sources/{id}', () => {
  it('answers the source and its latest warnings and errors, newest first, without info events', async () => {
    const source = await create({ name: uniqueName('events'), url: NOWHERE, password: PASSWORD });
    await db.pool.query(
      `INSERT INTO source_event (source_id, level, message) VALUES
         ($1, 'warning', 'public.orders was truncated'),
         ($1, 'info', 'reader started'),
         ($1, 'error', 'password authentication failed')`,
      [source.id],
    );
    const answer = await get(source.id);
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(PASSWORD);
    expect(answer.body.source).toMatchObject({ id: source.id, name: source.name, hasPassword: true });
    expect(
      answer.body.events.map((event: { level: string; message: string }) => [event.level, event.message]),
    ).toEqual([
      ['error', 'password authentication failed'],
      ['warning', 'public.orders was truncated'],
    ]);
  });

  it('answers 404 for an unknown id, and for an id that is not a UUID', async () => {
    const unknown = await get(UNKNOWN_ID);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'not_found', message: `source ${UNKNOWN_ID} does not exist` });

    const malformed = await get('not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.code).toBe('not_found');
    expect(malformed.body.error.message).toContain('"not-a-uuid"');
    expect(malformed.body.error.message).toContain('UUID');
  });
});

describe('PATCH /api/v1/sources/{id}', () => {
  it('changes only the fields given, and keeps the password when it is left out', async () => {
    const source = await create({ name: uniqueName('edit'), url: NOWHERE, password: PASSWORD });
    const before = await storedPassword(source.id);
    expect((await patch(source.id, { sslMode: 'require' })).status).toBe(200);
    expect(await storedPassword(source.id)).toBe(before);
    // The saved password is never sent to another host: moving the source needs it again.
    const moved = await patch(source.id, { host: 'replica.internal', port: 6432 });
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ code: 'invalid_input', field: 'password' });
    expect(moved.body.error.message).toMatch(
      /^password: host differs from the saved source's, so give the password again/,
    );
    const answer = await patch(source.id, { host: 'replica.internal', port: 6432, password: PASSWORD });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.source).toMatchObject({
      id: source.id,
      name: source.name,
      host: 'replica.internal',
      port: 6432,
      database: 'shop',
      sslMode: 'require',
      hasPassword: true,
    });
    expect(decrypt(await storedPassword(source.id))).toBe(decrypt(before));
    expect((await get(source.id)).body.source.host).toBe('replica.internal');
  });

  it('replaces the password with a string (stored encrypted) and removes it with null', async () => {
    const source = await create({ name: uniqueName('password'), url: NOWHERE, password: PASSWORD });
    const replacement = 'another-secret-value';
    const replaced = await patch(source.id, { password: replacement });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.text).not.toContain(replacement);
    expect(replaced.body.source.hasPassword).toBe(true);
    const stored = await storedPassword(source.id);
    expect(stored).not.toContain(replacement);
    expect(decrypt(stored)).toBe(replacement);

    const removed = await patch(source.id, { password: null });
    expect(removed.status).toBe(200);
    expect(removed.body.source.hasPassword).toBe(false);
    expect(await storedPassword(source.id)).toBeNull();
  });

  it('takes a new connection as a URL, as when creating', async () => {
    const source = await create({ name: uniqueName('url edit'), url: NOWHERE });
    const answer = await patch(source.id, {
      url: 'postgres://writer@db2.internal:5433/shop2?sslmode=require',
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.source).toMatchObject({
      host: 'db2.internal',
      port: 5433,
      database: 'shop2',
      username: 'writer',
      sslMode: 'require',
    });
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a port out of range', { port: 0 }, 'port'],
    ['a publication name with a dash', { publicationName: 'bad-name' }, 'publicationName'],
    ['an empty password', { password: '' }, 'password'],
    ['a url and a host', { url: NOWHERE, host: 'h' }, 'host'],
  ])('refuses %s with a 400 naming the field, changing nothing', async (_, body, field) => {
    const source = await create({ name: uniqueName('bad edit'), url: NOWHERE });
    const answer = await patch(source.id, body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field });
    expect((await get(source.id)).body.source).toMatchObject(source);
  });

  it('refuses a field it cannot edit rather than ignoring it', async () => {
    const source = await create({ name: uniqueName('readonly'), url: NOWHERE });
    const answer = await patch(source.id, { confirmedLsn: '0/0' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
    expect(answer.body.error.message).toMatch(/^confirmedLsn cannot be edited/);
  });

  it('answers 409 for a name another source has', async () => {
    const first = await create({ name: uniqueName('first'), url: NOWHERE });
    const second = await create({ name: uniqueName('second'), url: NOWHERE });
    const answer = await patch(second.id, { name: first.name });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'conflict', field: 'name' });
    expect(answer.body.error.message).toContain(first.name);
  });

  it('refuses to change the slot while a sink reads from the source, and allows it once none does', async () => {
    const source = await create({ name: uniqueName('slot'), url: NOWHERE });
    const sink = await addSink(source.id);
    const refused = await patch(source.id, { slotName: 'new_slot' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.field).toBe('slotName');
    expect(refused.body.error.message).toContain(`"${sink.name}"`);
    expect((await get(source.id)).body.source.slotName).toBe(source.slotName);

    // Other settings may change meanwhile.
    expect((await patch(source.id, { host: 'moved.internal' })).status).toBe(200);

    await db.prisma.sink.delete({ where: { id: sink.id } });
    const allowed = await patch(source.id, { slotName: 'new_slot' });
    expect(allowed.status, allowed.text).toBe(200);
    expect(allowed.body.source.slotName).toBe('new_slot');
  });

  it('answers 404 for an unknown id and for one that is not a UUID', async () => {
    expect((await patch(UNKNOWN_ID, { host: 'h' })).status).toBe(404);
    expect((await patch('42', { host: 'h' })).status).toBe(404);
  });
});

describe('DELETE /api/v1/sources/{id}', () => {
  it('answers 409 while a sink reads from the source, naming it, and deletes it once none does', async () => {
    const source = await create({ name: uniqueName('in use'), url: NOWHERE });
    const sink = await addSink(source.id);

    const refused = await remove(source.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.message).toContain(`"${sink.name}"`);
    expect(refused.body.error.message).toContain('delete those sinks first');
    expect((await get(source.id)).status).toBe(200);

    await db.prisma.sink.delete({ where: { id: sink.id } });
    const deleted = await remove(source.id);
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body.deleted).toBe(true);
    // Its database cannot be reached: the source is gone all the same, and the answer says what to drop there.
    expect(deleted.body.cleanup).toMatchObject({ slotDropped: false, publicationDropped: false });
    expect(deleted.body.cleanup.error).toContain(`pg_drop_replication_slot('${source.slotName}')`);
    expect((await get(source.id)).status).toBe(404);
  });

  it('answers 404 for an unknown id and for one that is not a UUID', async () => {
    expect((await remove(UNKNOWN_ID)).status).toBe(404);
    expect((await remove('../sinks')).status).toBe(404);
  });
});

async function addSink(sourceId: string) {
  return createSink(db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    input: {
      name: uniqueName('sink'),
      streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders',
      sourceId,
      tables: [{ schema: 'public', name: 'orders' }],
    },
  });
}

import { SecretBox } from '@shardline/core';
import { type Database, getSinkDeliveryConfig, listAuditEvents } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteSink, GET as getSink, PATCH as patchSink } from '../app/api/v1/sinks/[id]/route';
import { POST as createSink, GET as listSinks } from '../app/api/v1/sinks/route';
import { call, openApiHarness, TEST_SECRET_KEY } from './api-harness';
import { SECRET, sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

const UNKNOWN_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

async function create(overrides: Record<string, unknown> = {}) {
  const answer = await call(createSink, { query: FORCE, path: '/api/v1/sinks', body: sinkBody(overrides) });
  expect(answer.status, answer.text).toBe(201);
  return answer;
}

function patch(id: string, body: unknown) {
  return call(patchSink, {
    query: FORCE,
    method: 'PATCH',
    path: `/api/v1/sinks/${id}`,
    params: { id },
    body,
  });
}

function get(id: string) {
  return call(getSink, { path: `/api/v1/sinks/${id}`, params: { id } });
}

async function storedSecret(id: string): Promise<string | null> {
  const { rows } = await db.pool.query<{ secret_access_key_ciphertext: string | null }>(
    'SELECT secret_access_key_ciphertext FROM sink WHERE id = $1',
    [id],
  );
  return rows[0]?.secret_access_key_ciphertext ?? null;
}

async function decryptedCredentials(id: string) {
  const config = await getSinkDeliveryConfig(db, { secretBox: new SecretBox(TEST_SECRET_KEY), sinkId: id });
  return config.credentials;
}

describe('POST /api/v1/sinks', () => {
  it('creates a sink and answers it in full, without the secret', async () => {
    const answer = await create({
      name: 'orders-to-kinesis',
      annotations: { team: 'billing' },
      tables: [
        { schema: 'shop', name: 'orders', actions: ['insert'], groupColumns: ['customer_id'] },
        { name: 'refunds' },
      ],
    });
    const { sink } = answer.body;
    expect(sink).toMatchObject({
      name: 'orders-to-kinesis',
      streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders',
      region: 'eu-west-1',
      accessKeyId: 'AKIAEXAMPLEKEY',
      hasSecretAccessKey: true,
      endpoint: null,
      backoffCapMs: 180_000,
      maxAttempts: null,
      maxRecordSizeBytes: 1024 * 1024,
      laneCount: 4,
      // Off unless asked for: consumers of an aggregated stream must deaggregate.
      aggregateRecords: false,
      pausedAt: null,
      pausedBy: null,
      sourceId: null,
      annotations: { team: 'billing' },
      // Never healthy before an engine has checked it.
      health: expect.objectContaining({
        status: 'unverified',
        reason: 'unverified',
        fix: expect.any(String),
      }),
      counts: { waiting: 0, sending: 0, failing: 0, filteredCount: '0', pending: 0, inFlight: 0 },
      transform: null,
      filterSource: null,
      routingSource: null,
      filteredCount: '0',
    });
    expect(sink.tables).toEqual([
      { schema: 'public', name: 'refunds', actions: ['insert', 'update', 'delete'], groupColumns: [] },
      { schema: 'shop', name: 'orders', actions: ['insert'], groupColumns: ['customer_id'] },
    ]);
    expect(Date.parse(sink.createdAt)).not.toBeNaN();
    expect(answer.text).not.toContain(SECRET);
    expect(answer.text).not.toContain('secretAccessKey"');
  });

  it('stores the secret encrypted, and the engine can read it back', async () => {
    const { body } = await create();
    const ciphertext = await storedSecret(body.sink.id);
    expect(ciphertext).toMatch(/^v1\./);
    expect(ciphertext).not.toContain(SECRET);
    expect(await decryptedCredentials(body.sink.id)).toEqual({
      accessKeyId: 'AKIAEXAMPLEKEY',
      secretAccessKey: SECRET,
    });
  });

  it('refuses a malformed stream ARN with field streamArn and the expected format', async () => {
    const answer = await call(createSink, { query: FORCE, body: sinkBody({ streamArn: 'orders-stream' }) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
    expect(answer.body.error.field).toBe('streamArn');
    expect(answer.body.error.message).toContain(
      'expected arn:aws:kinesis:<region>:<account-id>:stream/<stream-name>',
    );
    expect(answer.body.error.message).toContain('"orders-stream"');
  });

  it('refuses an access key id without its secret, and a secret without its key id', async () => {
    const keyOnly = await call(createSink, { query: FORCE, body: sinkBody({ secretAccessKey: undefined }) });
    expect(keyOnly.status).toBe(400);
    expect(keyOnly.body.error.field).toBe('secretAccessKey');
    expect(keyOnly.body.error.message).toMatch(/give both the access key id and the secret access key/);

    const secretOnly = await call(createSink, { query: FORCE, body: sinkBody({ accessKeyId: null }) });
    expect(secretOnly.status).toBe(400);
    expect(secretOnly.body.error.field).toBe('accessKeyId');
    expect(secretOnly.text).not.toContain(SECRET);
  });

  it('accepts neither key, for the default AWS credentials', async () => {
    const { body } = await create({ accessKeyId: null, secretAccessKey: null });
    expect(body.sink).toMatchObject({ accessKeyId: null, hasSecretAccessKey: false });
    expect(await storedSecret(body.sink.id)).toBeNull();
  });

  it('answers 400 invalid_json when the body is not JSON', async () => {
    const answer = await call(createSink, { query: FORCE, body: '{"name": "orders", ' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: 'invalid_json',
      message: 'the request body must be JSON (Content-Type: application/json)',
    });
  });

  it('names the field of a nested problem and of an out-of-range setting', async () => {
    const emptyActions = await call(createSink, {
      query: FORCE,
      body: sinkBody({ tables: [{ name: 'orders', actions: [] }] }),
    });
    expect(emptyActions.status).toBe(400);
    expect(emptyActions.body.error.field).toBe('tables.0.actions');
    expect(emptyActions.body.error.message).toMatch(/choose at least one action/);

    const tinyCap = await call(createSink, { query: FORCE, body: sinkBody({ backoffCapMs: 10 }) });
    expect(tinyCap.status).toBe(400);
    expect(tinyCap.body.error).toMatchObject({
      field: 'backoffCapMs',
      message: expect.stringMatching(/at least 1 second/),
    });
  });

  it('refuses a source that does not exist, as invalid input rather than a server error', async () => {
    const answer = await call(createSink, { query: FORCE, body: sinkBody({ sourceId: UNKNOWN_ID }) });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      field: 'sourceId',
      message: expect.stringMatching(/does not exist/),
    });
  });

  it('answers 409 conflict when the name is taken', async () => {
    await create({ name: 'taken-name' });
    const answer = await call(createSink, { query: FORCE, body: sinkBody({ name: 'taken-name' }) });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: 'conflict',
      field: 'name',
      message: expect.stringContaining('a sink named "taken-name" already exists'),
    });
  });
});

describe('GET /api/v1/sinks and /api/v1/sinks/{id}', () => {
  it('lists sinks by name with their tables, health and counts, and never a secret', async () => {
    await create({ name: 'zz-last' });
    await create({ name: 'aa-first' });
    const answer = await call(listSinks, { path: '/api/v1/sinks' });
    expect(answer.status).toBe(200);
    const names: string[] = answer.body.sinks.map((sink: { name: string }) => sink.name);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('aa-first');
    const first = answer.body.sinks[0];
    expect(first.tables).toEqual([
      { schema: 'public', name: 'orders', actions: ['insert', 'update'], groupColumns: [] },
    ]);
    expect(first.health).toMatchObject({ status: 'unverified', reason: 'unverified' });
    expect(first.counts).toEqual({
      waiting: 0,
      sending: 0,
      failing: 0,
      filteredCount: '0',
      pending: 0,
      inFlight: 0,
    });
    expect(answer.text).not.toContain(SECRET);
  });

  it('gets one sink, without the secret', async () => {
    const { body } = await create();
    const answer = await get(body.sink.id);
    expect(answer.status).toBe(200);
    expect(answer.body.sink).toEqual(body.sink);
    expect(answer.text).not.toContain(SECRET);
  });

  it('answers 404 for an unknown id, and for an id that is not a UUID', async () => {
    const unknown = await get(UNKNOWN_ID);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'not_found', message: `sink ${UNKNOWN_ID} does not exist` });

    const malformed = await get('not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.code).toBe('not_found');
    expect(malformed.body.error.message).toMatch(/sink not-a-uuid does not exist: sink ids are UUIDs/);
  });
});

describe('record aggregation (aggregateRecords)', () => {
  it('is created on, read back, turned off by an edit, and reaches the engine', async () => {
    const { body } = await create({ aggregateRecords: true });
    expect(body.sink.aggregateRecords).toBe(true);
    expect((await get(body.sink.id)).body.sink.aggregateRecords).toBe(true);
    const delivery = await getSinkDeliveryConfig(db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      sinkId: body.sink.id,
    });
    expect(delivery.aggregateRecords).toBe(true);

    // An edit of something else leaves it on.
    const renamed = await patch(body.sink.id, { name: `${body.sink.name}-renamed` });
    expect(renamed.body.sink.aggregateRecords).toBe(true);

    const off = await patch(body.sink.id, { aggregateRecords: false });
    expect(off.status, off.text).toBe(200);
    expect(off.body.sink.aggregateRecords).toBe(false);
    expect((await get(body.sink.id)).body.sink.aggregateRecords).toBe(false);
  });

  it('refuses anything but true or false, naming the field', async () => {
    const answer = await call(createSink, { query: FORCE, body: sinkBody({ aggregateRecords: 'yes' }) });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field: 'aggregateRecords' });
    expect(answer.body.error.message).toContain('aggregateRecords must be true or false');
  });
});

describe('routing function (routingSource)', () => {
  const ROUTING = `(message) => message.record.region === 'eu'
    ? 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu'
    : { streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-us' }`;

  it('is saved, read back, audited as a changed field, reaches the engine, and is removed by null or an empty box', async () => {
    const { body } = await create({ routingSource: ROUTING });
    expect(body.sink.routingSource).toBe(ROUTING);
    expect((await get(body.sink.id)).body.sink.routingSource).toBe(ROUTING);
    const delivery = await getSinkDeliveryConfig(db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      sinkId: body.sink.id,
    });
    expect(delivery.routingSource).toBe(ROUTING);

    const changed = await patch(body.sink.id, { routingSource: `${ROUTING}\n` });
    expect(changed.status, changed.text).toBe(200);
    const { events } = await listAuditEvents(db, { targetId: body.sink.id });
    expect(events.find((event) => event.action === 'sink.update')?.details).toEqual({
      fields: ['routingSource'],
    });

    const removed = await patch(body.sink.id, { routingSource: null });
    expect(removed.body.sink.routingSource).toBeNull();
    await patch(body.sink.id, { routingSource: ROUTING });
    const emptied = await patch(body.sink.id, { routingSource: '  \n ' });
    expect(emptied.body.sink.routingSource).toBeNull();
  });

  it('refuses a routing function that does not compile or is not a function, naming the field', async () => {
    const broken = await call(createSink, {
      query: FORCE,
      body: sinkBody({ routingSource: '(message) => {' }),
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'invalid_input', field: 'routingSource' });
    expect(broken.body.error.message).toContain('the router does not compile');

    const { body } = await create();
    const notAFunction = await patch(body.sink.id, {
      routingSource: "'arn:aws:kinesis:eu-west-1:1:stream/x'",
    });
    expect(notAFunction.status).toBe(400);
    expect(notAFunction.body.error).toMatchObject({ field: 'routingSource' });
    expect(notAFunction.body.error.message).toContain('the router must be a function');
    expect((await get(body.sink.id)).body.sink.routingSource).toBeNull();
  });
});

describe('PATCH /api/v1/sinks/{id}', () => {
  it('changes only the settings given, and keeps the secret when it is left out', async () => {
    const { body } = await create({ maxAttempts: 5, endpoint: 'http://localhost:4567' });
    const before = await storedSecret(body.sink.id);
    const answer = await patch(body.sink.id, { backoffCapMs: 60_000, annotations: { env: 'prod' } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.sink).toMatchObject({
      name: body.sink.name,
      backoffCapMs: 60_000,
      maxAttempts: 5,
      endpoint: 'http://localhost:4567',
      annotations: { env: 'prod' },
      hasSecretAccessKey: true,
      accessKeyId: 'AKIAEXAMPLEKEY',
      tables: body.sink.tables,
    });
    expect(Date.parse(answer.body.sink.updatedAt)).toBeGreaterThanOrEqual(Date.parse(body.sink.updatedAt));
    expect(answer.text).not.toContain(SECRET);
    expect(await storedSecret(body.sink.id)).toBe(before);
  });

  it('clears optional settings with null', async () => {
    const { body } = await create({ maxAttempts: 5, endpoint: 'http://localhost:4567' });
    // Another endpoint (AWS's own, here) is another target for the saved key: it is given again.
    const answer = await patch(body.sink.id, {
      maxAttempts: null,
      endpoint: null,
      secretAccessKey: 'the-secret-again',
    });
    expect(answer.body.sink).toMatchObject({ maxAttempts: null, endpoint: null });
  });

  it('replaces the secret with a new one, stored encrypted', async () => {
    const { body } = await create();
    const answer = await patch(body.sink.id, {
      accessKeyId: 'AKIANEWKEY',
      secretAccessKey: 'brand-new-secret-value',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.sink).toMatchObject({ accessKeyId: 'AKIANEWKEY', hasSecretAccessKey: true });
    expect(answer.text).not.toContain('brand-new-secret-value');
    expect(await storedSecret(body.sink.id)).not.toContain('brand-new-secret-value');
    expect(await decryptedCredentials(body.sink.id)).toEqual({
      accessKeyId: 'AKIANEWKEY',
      secretAccessKey: 'brand-new-secret-value',
    });
  });

  it('removes the secret with null together with the access key id, for the default credentials', async () => {
    const { body } = await create();
    const answer = await patch(body.sink.id, { accessKeyId: null, secretAccessKey: null });
    expect(answer.status).toBe(200);
    expect(answer.body.sink).toMatchObject({ accessKeyId: null, hasSecretAccessKey: false });
    expect(await storedSecret(body.sink.id)).toBeNull();
    expect(await decryptedCredentials(body.sink.id)).toBeNull();
  });

  it('refuses to remove the secret while the access key id stays', async () => {
    const { body } = await create();
    const answer = await patch(body.sink.id, { secretAccessKey: null });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('accessKeyId');
    expect(answer.body.error.message).toMatch(/accessKeyId: null too/);
    expect(await storedSecret(body.sink.id)).not.toBeNull();
  });

  it('refuses an access key id on a sink without a secret unless the secret comes with it', async () => {
    const { body } = await create({ accessKeyId: null, secretAccessKey: null });
    const answer = await patch(body.sink.id, { accessKeyId: 'AKIAONLYKEY' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      field: 'secretAccessKey',
      message: expect.stringMatching(/AKIAONLYKEY/),
    });
  });

  it('replaces the tables when given', async () => {
    const { body } = await create();
    const answer = await patch(body.sink.id, {
      tables: [
        { name: 'customers', actions: ['delete'] },
        { schema: 'shop', name: 'carts' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(
      answer.body.sink.tables.map(
        (table: { schema: string; name: string }) => `${table.schema}.${table.name}`,
      ),
    ).toEqual(['public.customers', 'shop.carts']);
  });

  it('validates like create: bad ARN, a table listed twice, bad JSON', async () => {
    const { body } = await create();
    const arn = await patch(body.sink.id, { streamArn: 'arn:aws:s3:::bucket' });
    expect(arn.status).toBe(400);
    expect(arn.body.error.field).toBe('streamArn');
    expect(arn.body.error.message).toContain('arn:aws:kinesis:<region>:<account-id>:stream/<stream-name>');

    const twice = await patch(body.sink.id, { tables: [{ name: 'a' }, { name: 'a' }] });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({
      field: 'tables.1',
      message: expect.stringMatching(/listed twice/),
    });

    const typo = await patch(body.sink.id, { secretAccesKey: 'meant-to-replace' });
    expect(typo.status).toBe(400);
    expect(typo.body.error.message).toMatch(
      /^"secretAccesKey" cannot be edited: the settings of a sink are name, streamArn/,
    );
    expect(typo.text).not.toContain('meant-to-replace');

    const notJson = await patch(body.sink.id, 'name=x');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');

    const unchanged = await get(body.sink.id);
    expect(unchanged.body.sink.streamArn).toBe(body.sink.streamArn);
  });

  it('refuses to change the lane count, saying why and what to do', async () => {
    const { body } = await create({ laneCount: 4 });
    const answer = await patch(body.sink.id, { laneCount: 16 });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('laneCount');
    expect(answer.body.error.message).toMatch(/cannot change after a sink is created.*create a new sink/);
    const same = await patch(body.sink.id, { laneCount: 4 });
    expect(same.status).toBe(200);
  });

  it('answers 409 when the new name is taken, and 404 for an unknown sink', async () => {
    await create({ name: 'first-name' });
    const { body } = await create();
    const answer = await patch(body.sink.id, { name: 'first-name' });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'conflict', field: 'name' });

    const renamedToItself = await patch(body.sink.id, { name: body.sink.name });
    expect(renamedToItself.status).toBe(200);

    const unknown = await patch(UNKNOWN_ID, { backoffCapMs: 5_000 });
    expect(unknown.status).toBe(404);
    const malformed = await patch('42', { backoffCapMs: 5_000 });
    expect(malformed.status).toBe(404);
  });
});

describe('DELETE /api/v1/sinks/{id}', () => {
  it('deletes the sink, which is then gone', async () => {
    const { body } = await create();
    const id = body.sink.id;
    const answer = await call(deleteSink, { method: 'DELETE', params: { id } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ deleted: true, cleanup: null });
    expect((await get(id)).status).toBe(404);
    const again = await call(deleteSink, { method: 'DELETE', params: { id } });
    expect(again.status).toBe(404);
    const malformed = await call(deleteSink, { method: 'DELETE', params: { id: 'nope' } });
    expect(malformed.status).toBe(404);
  });
});

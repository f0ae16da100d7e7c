import { appendMessages, type Database, type IncomingMessage } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '../app/api/v1/health/route';
import { GET as getMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/route';
import { PATCH as patchSink } from '../app/api/v1/sinks/[id]/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import {
  DELETE as deleteTransform,
  GET as getTransform,
  PATCH as patchTransform,
} from '../app/api/v1/transforms/[id]/route';
import { POST as createTransform, GET as listTransforms } from '../app/api/v1/transforms/route';
import { POST as testTransform } from '../app/api/v1/transforms/test/route';
import { openApiDocument } from '../lib/server/openapi/document';
import { call, openApiHarness, TEST_ACTOR } from './api-harness';
import { sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

const UNKNOWN_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ONLY_RECORD = '(message) => message.record';
const INFINITE_LOOP = '(message) => { while (true) {} }';

let counter = 0;
function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

async function create(body: Record<string, unknown>) {
  const answer = await call(createTransform, { path: '/api/v1/transforms', body });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.transform;
}

function patch(id: string, body: unknown) {
  return call(patchTransform, { method: 'PATCH', path: `/api/v1/transforms/${id}`, params: { id }, body });
}

function get(id: string) {
  return call(getTransform, { path: `/api/v1/transforms/${id}`, params: { id } });
}

function remove(id: string) {
  return call(deleteTransform, { method: 'DELETE', path: `/api/v1/transforms/${id}`, params: { id } });
}

function runTest(body: Record<string, unknown>) {
  return call(testTransform, { path: '/api/v1/transforms/test', body });
}

async function newSink(overrides: Record<string, unknown> = {}) {
  const answer = await call(createSink, { query: FORCE, path: '/api/v1/sinks', body: sinkBody(overrides) });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.sink;
}

function patchSinkWith(id: string, body: unknown) {
  return call(patchSink, {
    query: FORCE,
    method: 'PATCH',
    path: `/api/v1/sinks/${id}`,
    params: { id },
    body,
  });
}

/** A message as the reader stores it: `{ record, changes, action, metadata }`. */
function message(lsn: number, record: Record<string, unknown>): IncomingMessage {
  return {
    commitLsn: BigInt(lsn),
    commitIdx: 0,
    group: String(record.id),
    tableSchema: 'public',
    tableName: 'orders',
    action: 'insert',
    payload: { record, changes: null, action: 'insert', metadata: { table_name: 'orders' } },
  };
}

async function messageIds(sinkId: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ id: string }>(
    'SELECT id FROM message WHERE sink_id = $1 ORDER BY id',
    [sinkId],
  );
  return rows.map((row) => row.id);
}

describe('POST /api/v1/transforms', () => {
  it('creates a code transform at version 1, answered with its versions', async () => {
    const name = uniqueName('only-record');
    const transform = await create({
      name,
      description: 'Sends the row only',
      kind: 'code',
      body: ONLY_RECORD,
    });
    expect(transform).toMatchObject({
      name,
      description: 'Sends the row only',
      kind: 'code',
      body: ONLY_RECORD,
      version: 1,
      sinks: [],
    });
    expect(transform.versions).toEqual([
      { version: 1, kind: 'code', body: ONLY_RECORD, createdAt: expect.any(String), createdBy: TEST_ACTOR },
    ]);
    expect(Date.parse(transform.createdAt)).not.toBeNaN();
  });

  it('creates a path transform', async () => {
    const transform = await create({ name: uniqueName('address'), kind: 'path', body: 'record.address' });
    expect(transform).toMatchObject({ kind: 'path', body: 'record.address', version: 1, description: '' });
  });

  it('refuses code that does not compile with the compiler message, field body, and stores nothing', async () => {
    const name = uniqueName('broken');
    const before = (await call(listTransforms)).body.transforms.length;
    const answer = await call(createTransform, { body: { name, kind: 'code', body: '(message) => {' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: 'invalid_input',
      message: expect.stringMatching(/^the transform does not compile: SyntaxError/),
      field: 'body',
    });

    const notAFunction = await call(createTransform, { body: { name, kind: 'code', body: '42' } });
    expect(notAFunction.status).toBe(400);
    expect(notAFunction.body.error.message).toMatch(/must be a function/);

    const badPath = await call(createTransform, { body: { name, kind: 'path', body: 'row.address' } });
    expect(badPath.status).toBe(400);
    expect(badPath.body.error).toMatchObject({
      field: 'body',
      message: expect.stringMatching(/must start with/),
    });

    const { body } = await call(listTransforms);
    expect(body.transforms).toHaveLength(before);
    expect(body.transforms.map((transform: { name: string }) => transform.name)).not.toContain(name);
  });

  it('refuses a name already taken with a 409, and a missing body with a 400 naming it', async () => {
    const name = uniqueName('taken');
    await create({ name, kind: 'path', body: 'record' });
    const taken = await call(createTransform, { body: { name, kind: 'path', body: 'record' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.field).toBe('name');

    const missing = await call(createTransform, { body: { name: uniqueName('empty'), kind: 'code' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('body');
  });
});

describe('GET /api/v1/transforms and /api/v1/transforms/{id}', () => {
  it('lists transforms by name with their current version and the sinks using them', async () => {
    const first = await create({ name: uniqueName('aaa-list'), kind: 'path', body: 'record' });
    const sink = await newSink({ transformId: first.id });
    const { status, body } = await call(listTransforms);
    expect(status).toBe(200);
    const names = body.transforms.map((transform: { name: string }) => transform.name);
    expect(names).toEqual([...names].sort());
    const listed = body.transforms.find((transform: { id: string }) => transform.id === first.id);
    expect(listed).toMatchObject({ version: 1, kind: 'path', sinks: [{ id: sink.id, name: sink.name }] });
    expect(listed.versions).toBeUndefined();
  });

  it('gets one with every version, newest first', async () => {
    const transform = await create({ name: uniqueName('versions'), kind: 'code', body: ONLY_RECORD });
    await patch(transform.id, { body: '(message) => message.changes' });
    const answer = await get(transform.id);
    expect(answer.status).toBe(200);
    expect(answer.body.transform.versions.map((version: { version: number }) => version.version)).toEqual([
      2, 1,
    ]);
    expect(answer.body.transform.versions[1].body).toBe(ONLY_RECORD);
  });

  it('answers 404 for an unknown id and for one that is not a UUID', async () => {
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      for (const answer of [await get(id), await patch(id, { name: 'x' }), await remove(id)]) {
        expect(answer.status, `${id}: ${answer.text}`).toBe(404);
        expect(answer.body.error.code).toBe('not_found');
      }
    }
  });
});

describe('PATCH /api/v1/transforms/{id}', () => {
  it('makes version 2 when the body changes, and no version on a rename or a new description', async () => {
    const transform = await create({ name: uniqueName('edit'), kind: 'code', body: ONLY_RECORD });
    const edited = await patch(transform.id, { body: '(message) => ({ id: message.record.id })' });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.transform).toMatchObject({
      version: 2,
      body: '(message) => ({ id: message.record.id })',
    });
    expect(edited.body.transform.versions).toHaveLength(2);

    const renamed = await patch(transform.id, { name: uniqueName('renamed'), description: 'ids only' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.transform).toMatchObject({ version: 2, description: 'ids only' });
    expect(renamed.body.transform.versions).toHaveLength(2);

    const toPath = await patch(transform.id, { kind: 'path', body: 'record.id' });
    expect(toPath.body.transform).toMatchObject({ version: 3, kind: 'path', body: 'record.id' });
  });

  it('refuses an edit that does not compile and keeps the current version', async () => {
    const transform = await create({ name: uniqueName('keep'), kind: 'code', body: ONLY_RECORD });
    const answer = await patch(transform.id, { body: 'function (message) {' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field: 'body' });
    // A new kind is compiled with the body it would run: this code is not a path.
    const kindOnly = await patch(transform.id, { kind: 'path' });
    expect(kindOnly.status).toBe(400);
    expect(kindOnly.body.error.field).toBe('kind');
    const after = await get(transform.id);
    expect(after.body.transform).toMatchObject({ version: 1, kind: 'code', body: ONLY_RECORD });
  });

  it('refuses a field that cannot be edited', async () => {
    const transform = await create({ name: uniqueName('strict'), kind: 'path', body: 'record' });
    const answer = await patch(transform.id, { boddy: 'record.id' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/"boddy" cannot be edited/);
  });
});

describe('DELETE /api/v1/transforms/{id}', () => {
  it('is refused with 409 while a sink uses it, and allowed once detached', async () => {
    const transform = await create({ name: uniqueName('attached'), kind: 'path', body: 'record' });
    const sink = await newSink({ transformId: transform.id });
    expect(sink.transform).toEqual({ id: transform.id, name: transform.name, version: 1 });

    const refused = await remove(transform.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.message).toContain(sink.name);
    expect((await get(transform.id)).status).toBe(200);

    const detached = await patchSinkWith(sink.id, { transformId: null });
    expect(detached.status, detached.text).toBe(200);
    expect(detached.body.sink.transform).toBeNull();
    const removed = await remove(transform.id);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ deleted: true });
    expect((await get(transform.id)).status).toBe(404);
  });
});

describe('POST /api/v1/transforms/test', () => {
  const pasted = { record: { id: 7, note: 'x'.repeat(3000) }, changes: null, action: 'insert', metadata: {} };

  it('runs a definition on a pasted message: output, its size and the 1 MiB limit without a sink', async () => {
    const answer = await runTest({ definition: { kind: 'code', body: ONLY_RECORD }, message: pasted });
    expect(answer.status, answer.text).toBe(200);
    const [result] = answer.body.results;
    const output = JSON.stringify(pasted.record);
    expect(answer.body.results).toHaveLength(1);
    expect(result).toMatchObject({
      messageId: null,
      output,
      outputBytes: Buffer.byteLength(output),
      recordLimitBytes: 1024 * 1024,
      fitsLimit: true,
      error: null,
    });
    expect(JSON.parse(result.input)).toEqual(pasted);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("says an output over the sink's record limit does not fit", async () => {
    const sink = await newSink({ maxRecordSizeBytes: 2048 });
    const answer = await runTest({
      definition: { kind: 'path', body: 'record' },
      sinkId: sink.id,
      message: pasted,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.results[0]).toMatchObject({ recordLimitBytes: 2048, fitsLimit: false, error: null });
    expect(answer.body.results[0].outputBytes).toBeGreaterThan(2048);

    const small = await runTest({
      definition: { kind: 'code', body: '(message) => ({ id: message.record.id })' },
      sinkId: sink.id,
      message: pasted,
    });
    expect(small.body.results[0]).toMatchObject({ output: '{"id":7}', outputBytes: 8, fitsLimit: true });
  });

  it("runs on a sink's messages the transform applies to next, failing first, at most `limit`, or on the ones named", async () => {
    const sink = await newSink();
    await appendMessages(db, {
      sinkId: sink.id,
      messages: [1, 2, 3, 4].map((id) => message(100 + id, { id, customer: `customer ${id}` })),
    });
    const ids = await messageIds(sink.id);
    const [first, second, , fourth] = ids;
    // As a failed delivery leaves it.
    await db.pool.query(
      `UPDATE message SET state = 'failing', deliver_count = 1, last_error_code = 'RecordTooLarge',
              last_error_message = 'too large', last_error_at = now() WHERE id = $1`,
      [fourth],
    );
    const recent = await runTest({
      definition: { kind: 'code', body: '(message) => ({ who: message.record.customer })' },
      sinkId: sink.id,
      limit: 3,
    });
    expect(recent.status, recent.text).toBe(200);
    expect(recent.body.results.map((result: { messageId: string }) => result.messageId)).toEqual([
      fourth,
      first,
      second,
    ]);
    expect(recent.body.results.map((result: { output: string }) => result.output)).toEqual([
      '{"who":"customer 4"}',
      '{"who":"customer 1"}',
      '{"who":"customer 2"}',
    ]);
    expect(JSON.parse(recent.body.results[0].input).record).toEqual({ id: 4, customer: 'customer 4' });
    expect(recent.body.results[0].recordLimitBytes).toBe(1024 * 1024);
    expect(
      (await runTest({ definition: { kind: 'path', body: 'record' }, sinkId: sink.id })).body.results,
    ).toHaveLength(4);

    const named = await runTest({
      definition: { kind: 'path', body: 'record.id' },
      sinkId: sink.id,
      messageIds: [ids[0]],
    });
    expect(named.body.results).toEqual([expect.objectContaining({ messageId: ids[0], output: '1' })]);

    const unknown = await runTest({
      definition: { kind: 'path', body: 'record.id' },
      sinkId: sink.id,
      messageIds: ['999999999'],
    });
    expect(unknown.status).toBe(404);
  });

  it('reports a hostile function as an error of that message, and still answers', async () => {
    const startedAt = Date.now();
    const answer = await runTest({ definition: { kind: 'code', body: INFINITE_LOOP }, message: pasted });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.results[0]).toMatchObject({
      output: null,
      outputBytes: null,
      fitsLimit: null,
      error: 'the transform ran longer than 50 ms',
    });
    expect(Date.now() - startedAt).toBeLessThan(5_000);

    const throws = await runTest({
      definition: { kind: 'code', body: '(message) => { throw new Error("no such field") }' },
      message: pasted,
    });
    expect(throws.body.results[0].error).toMatch(/the transform threw: .*no such field/);
  });

  it('runs hostile code off the request thread: health answers at once meanwhile, and memory comes back', async () => {
    const hostile = [
      '(m) => { const a = []; while (true) a.push(new Array(1e6).fill(1)) }',
      `(m) => { const s = 'ab'.repeat(4e5); let n = 0; for (let i = 0; i < 50; i++) n += s.split('').reverse().join('').length; return n }`,
    ];
    await runTest({ definition: { kind: 'code', body: ONLY_RECORD }, message: pasted });
    const baselineRss = process.memoryUsage().rss;
    for (const body of hostile) {
      const startedAt = performance.now();
      let done = false;
      const running = runTest({ definition: { kind: 'code', body }, message: pasted }).finally(() => {
        done = true;
      });
      // Measured while the hostile test runs: before, it ran on this thread for 18 to 88 s and
      // health waited as long.
      const healthTimes: number[] = [];
      while (!done) {
        const asked = performance.now();
        expect((await call(health, { path: '/api/v1/health', as: 'none' })).status).toBe(200);
        healthTimes.push(performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const answer = await running;
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.results[0].error).toMatch(
        /^the transform (used more than 32 MiB of memory|ran longer than 50 ms)$/,
      );
      expect(performance.now() - startedAt).toBeLessThan(3_000);
      expect(Math.max(...healthTimes)).toBeLessThan(500);
    }
    expect(process.memoryUsage().rss - baselineRss).toBeLessThan(200 * 1024 * 1024);
  });

  it('answers a message nested too deeply with a clear error, not a 500', async () => {
    for (const depth of [5_000, 20_000]) {
      const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
      const answer = await call(testTransform, {
        path: '/api/v1/transforms/test',
        body: `{"definition":{"kind":"code","body":"(m) => m"},"message":{"deep":${nested}}}`,
      });
      if (answer.status === 200) {
        expect(answer.body.results[0].error).toMatch(/nested too deeply/);
      } else {
        expect(answer.status, answer.text).toBe(400);
        expect(answer.body.error).toMatchObject({
          field: 'message',
          message: expect.stringMatching(/nested too deeply/),
        });
      }
    }
  });

  it('refuses a definition that does not compile, a message that is not an object, and no input', async () => {
    const broken = await runTest({ definition: { kind: 'code', body: '(message) =>' }, message: pasted });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'invalid_input', field: 'definition.body' });

    for (const notAnObject of [[1, 2], 'text', 42, null]) {
      const answer = await runTest({ definition: { kind: 'path', body: 'record' }, message: notAnObject });
      expect(answer.status, JSON.stringify(notAnObject)).toBe(400);
      expect(answer.body.error.field).toBe('message');
    }

    const nothing = await runTest({ definition: { kind: 'path', body: 'record' } });
    expect(nothing.status).toBe(400);
    const tooMany = await runTest({
      definition: { kind: 'path', body: 'record' },
      sinkId: UNKNOWN_ID,
      limit: 21,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.field).toBe('limit');
    const unknownSink = await runTest({ definition: { kind: 'path', body: 'record' }, sinkId: UNKNOWN_ID });
    expect(unknownSink.status).toBe(404);
  });
});

describe('sinks with a transform and a filter', () => {
  it('creates and edits a sink with transformId and filterSource', async () => {
    const transform = await create({ name: uniqueName('for-sink'), kind: 'path', body: 'record' });
    const filterSource = '(message) => message.action !== "delete"';
    const sink = await newSink({ transformId: transform.id, filterSource });
    expect(sink).toMatchObject({
      transform: { id: transform.id, name: transform.name, version: 1 },
      filterSource,
      filteredCount: '0',
    });

    const edited = await patchSinkWith(sink.id, { filterSource: null });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.sink).toMatchObject({ filterSource: null, transform: { id: transform.id } });

    // An empty filter box means no filter.
    const empty = await patchSinkWith(sink.id, { filterSource: '   ' });
    expect(empty.body.sink.filterSource).toBeNull();
  });

  it('refuses a filter that does not compile (field filterSource) and an unknown transform (field transformId)', async () => {
    const badFilter = await call(createSink, {
      query: FORCE,
      body: sinkBody({ filterSource: '(message) => {' }),
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error).toMatchObject({
      code: 'invalid_input',
      field: 'filterSource',
      message: expect.stringMatching(/does not compile/),
    });

    const unknown = await call(createSink, { query: FORCE, body: sinkBody({ transformId: UNKNOWN_ID }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('transformId');

    const sink = await newSink();
    const patchedBadFilter = await patchSinkWith(sink.id, { filterSource: 'not a function' });
    expect(patchedBadFilter.status).toBe(400);
    expect(patchedBadFilter.body.error.field).toBe('filterSource');
    const patchedUnknown = await patchSinkWith(sink.id, { transformId: UNKNOWN_ID });
    expect(patchedUnknown.status).toBe(400);
    expect(patchedUnknown.body.error.field).toBe('transformId');
  });
});

describe('GET /api/v1/sinks/{id}/messages/{messageId} with a transform', () => {
  it("shows the payload after the sink's current transform, its error, or nothing without one", async () => {
    const sink = await newSink();
    await appendMessages(db, { sinkId: sink.id, messages: [message(500, { id: 1, secret: 'hidden' })] });
    const [messageId] = await messageIds(sink.id);
    if (!messageId) throw new Error('no message stored');
    const detail = () =>
      call(getMessage, {
        path: `/api/v1/sinks/${sink.id}/messages/${messageId}`,
        params: { id: sink.id, messageId },
      });

    const plain = await detail();
    expect(plain.status, plain.text).toBe(200);
    expect(plain.body.message).toMatchObject({ sentPayload: null, transformError: null });
    expect(plain.body.message.payload.record).toEqual({ id: 1, secret: 'hidden' });

    const transform = await create({
      name: uniqueName('drop-secret'),
      kind: 'code',
      body: '(message) => { const { secret, ...rest } = message.record; return rest; }',
    });
    await patchSinkWith(sink.id, { transformId: transform.id });
    const transformed = await detail();
    expect(transformed.body.message.sentPayload).toBe('{"id":1}');
    expect(transformed.body.message.transformError).toBeNull();
    // The stored payload is unchanged: transforms apply when sending.
    expect(transformed.body.message.payload.record).toEqual({ id: 1, secret: 'hidden' });

    // A new version is what runs from then on.
    await patch(transform.id, { body: '(message) => message.record.missing.field' });
    const failing = await detail();
    expect(failing.body.message.sentPayload).toBeNull();
    expect(failing.body.message.transformError).toMatch(/^the transform threw: TypeError/);

    await patch(transform.id, { kind: 'path', body: 'record.secret' });
    expect((await detail()).body.message).toMatchObject({ sentPayload: '"hidden"', transformError: null });
  });
});

describe('the OpenAPI document', () => {
  it('describes the transform routes with their bodies', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths['/api/v1/transforms/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(paths['/api/v1/transforms/test']?.post?.requestBody).toBeDefined();
  });
});

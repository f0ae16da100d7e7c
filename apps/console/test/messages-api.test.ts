import { appendMessages, type Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOperation } from '../app/api/v1/sinks/[id]/bulk-operations/[operationId]/route';
import {
  POST as createOperation,
  GET as listOperations,
} from '../app/api/v1/sinks/[id]/bulk-operations/route';
import { POST as discardMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/discard/route';
import { POST as retryMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/retry/route';
import { GET as getMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/route';
import { GET as countMessages } from '../app/api/v1/sinks/[id]/messages/counts/route';
import { GET as listMessages } from '../app/api/v1/sinks/[id]/messages/route';
import { openApiDocument } from '../lib/server/openapi/document';
import { call, openApiHarness, TEST_ACTOR } from './api-harness';
import { orderMessage, storedSinkId } from './stored-messages-fixture';

const UNKNOWN_SINK = '00000000-0000-4000-8000-000000000000';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

const newSink = () =>
  storedSinkId(db, 'sink', { streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/messages' });
const message = orderMessage;

/** Message ids of a sink by commit position, for the tests' SQL. */
async function idAt(sinkId: string, lsn: number): Promise<string> {
  const result = await db.pool.query<{ id: string }>(
    'SELECT id FROM message WHERE sink_id = $1 AND commit_lsn = $2',
    [sinkId, lsn],
  );
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`no message at ${lsn}`);
  return id;
}

/** As a failed delivery leaves a message: failing, with its error, and one attempt row per failure. */
async function fail(sinkId: string, lsn: number, errorCode: string, attempts = 1): Promise<string> {
  const id = await idAt(sinkId, lsn);
  for (let n = 1; n <= attempts; n++) {
    await db.pool.query(
      `INSERT INTO delivery_attempt (message_id, sink_id, attempt_number, trigger, error_code, error_message, duration_ms, attempted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() - ($8 || ' minutes')::interval)`,
      [
        id,
        sinkId,
        n,
        n === 1 ? 'scheduled' : 'manual',
        errorCode,
        `attempt ${n} failed`,
        100 + n,
        attempts - n + 1,
      ],
    );
  }
  await db.pool.query(
    `UPDATE message SET state = 'failing', deliver_count = $2, last_error_code = $3, last_error_message = 'it failed',
            last_error_at = now(), next_attempt_at = now() + interval '1 hour' WHERE id = $1`,
    [id, attempts, errorCode],
  );
  return id;
}

async function deliver(sinkId: string, lsn: number): Promise<string> {
  const id = await idAt(sinkId, lsn);
  await db.pool.query(
    `UPDATE message SET state = 'delivered', deliver_count = deliver_count + 1, delivered_at = now(),
            shard_id = 'shardId-000000000001', sequence_number = '49590338271490256608559692538361571095921575989136588898'
      WHERE id = $1`,
    [id],
  );
  return id;
}

const path = (sinkId: string, rest = '') => `/api/v1/sinks/${sinkId}${rest}`;

describe('GET /api/v1/sinks/{id}/messages', () => {
  let sinkId: string;
  beforeAll(async () => {
    sinkId = await newSink();
    await appendMessages(db, {
      sinkId,
      messages: Array.from({ length: 12 }, (_, i) =>
        message(100 + i, `g${i % 3}`, {
          tableName: i % 2 === 0 ? 'orders' : 'customers',
          action: i % 4 === 0 ? 'delete' : 'insert',
        }),
      ),
    });
    await fail(sinkId, 101, 'ProvisionedThroughputExceededException');
    await fail(sinkId, 103, 'AccessDeniedException');
    await deliver(sinkId, 104);
    await deliver(sinkId, 105);
  });

  const list = (query: Record<string, string>, sink = sinkId) =>
    call(listMessages, { path: path(sink, '/messages'), params: { id: sink }, query });

  it('lists waiting messages by default, oldest first, with ids and positions as strings', async () => {
    const answer = await list({});
    expect(answer.status).toBe(200);
    expect(answer.body.messages.map((m: { commitLsn: string }) => m.commitLsn)).toEqual([
      '100',
      '102',
      '106',
      '107',
      '108',
      '109',
      '110',
      '111',
    ]);
    expect(answer.body.messages[0]).toMatchObject({
      sinkId,
      state: 'pending',
      status: 'waiting',
      group: 'g0',
      tableSchema: 'public',
      tableName: 'orders',
      action: 'delete',
      lastError: null,
      delivered: null,
    });
    expect(typeof answer.body.messages[0].id).toBe('string');
    expect(answer.body.nextCursor).toBeNull();
  });

  it('pages through with the cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: '3', ...(after ? { after } : {}) };
      const answer = await list(query);
      expect(answer.status).toBe(200);
      expect(answer.body.messages.length).toBeLessThanOrEqual(3);
      seen.push(...answer.body.messages.map((m: { commitLsn: string }) => m.commitLsn));
      after = answer.body.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['100', '102', '106', '107', '108', '109', '110', '111']);
  });

  it('lists delivered messages newest first, with where they landed, and pages them too', async () => {
    const first = await list({ state: 'delivered', limit: '1' });
    expect(first.body.messages.map((m: { commitLsn: string }) => m.commitLsn)).toEqual(['105']);
    expect(first.body.messages[0].delivered).toMatchObject({
      shardId: 'shardId-000000000001',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
    });
    const second = await list({ state: 'delivered', limit: '1', after: first.body.nextCursor });
    expect(second.body.messages.map((m: { commitLsn: string }) => m.commitLsn)).toEqual(['104']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('filters by table, action, group and error code', async () => {
    const customers = await list({ table: 'public.customers' });
    expect(customers.body.messages.map((m: { commitLsn: string }) => m.commitLsn)).toEqual([
      '107',
      '109',
      '111',
    ]);
    const deletes = await list({ action: 'delete' });
    expect(deletes.body.messages.map((m: { commitLsn: string }) => m.commitLsn)).toEqual(['100', '108']);
    const group = await list({ group: 'g1' });
    expect(group.body.messages.map((m: { commitLsn: string }) => m.commitLsn)).toEqual(['107', '110']);
    const throttled = await list({ state: 'failing', errorCode: 'ProvisionedThroughputExceededException' });
    expect(throttled.body.messages).toHaveLength(1);
    expect(throttled.body.messages[0]).toMatchObject({
      commitLsn: '101',
      state: 'failing',
      lastError: { code: 'ProvisionedThroughputExceededException', message: 'it failed' },
    });
  });

  it('names the parameter at fault', async () => {
    const badState = await list({ state: 'lost' });
    expect(badState.status).toBe(400);
    expect(badState.body.error).toMatchObject({ code: 'invalid_input', field: 'state' });
    const badLimit = await list({ limit: '0' });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.field).toBe('limit');
    const badAction = await list({ action: 'upsert' });
    expect(badAction.body.error.field).toBe('action');
    const badCursor = await list({ after: 'not-a-cursor' });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error).toMatchObject({ code: 'invalid_input', field: 'after' });
    expect(badCursor.body.error.message).toMatch(/cursor/);
  });

  it('answers 404 for a sink that does not exist, whatever the form of its id', async () => {
    const unknown = await list({}, UNKNOWN_SINK);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const malformed = await list({}, 'not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.message).toMatch(/UUID/);
  });
});

describe('GET /api/v1/sinks/{id}/messages/counts', () => {
  it('counts every state and the messages in flight, for the same filters as the list', async () => {
    const sinkId = await newSink();
    await appendMessages(db, {
      sinkId,
      messages: Array.from({ length: 10 }, (_, i) =>
        message(200 + i, `g${i}`, { tableName: i < 6 ? 'orders' : 'customers' }),
      ),
    });
    await fail(sinkId, 200, 'InternalFailure');
    await fail(sinkId, 207, 'InternalFailure');
    await deliver(sinkId, 201);
    await db.pool.query(
      `UPDATE message SET state = 'discarded', discarded_at = now(), discarded_by = 'ops' WHERE sink_id = $1 AND commit_lsn = 202`,
      [sinkId],
    );
    // A request under way holds two pending messages, one of them a customers row.
    const inFlight = [await idAt(sinkId, 203), await idAt(sinkId, 208)];
    await db.pool.query(
      `UPDATE delivery_lane SET lease_token = gen_random_uuid(), lease_expires_at = now() + interval '1 minute',
              in_flight_ids = $2::int8[] WHERE sink_id = $1 AND lane = 0`,
      [sinkId, inFlight],
    );
    const counts = (query: Record<string, string> = {}) =>
      call(countMessages, { path: path(sinkId, '/messages/counts'), params: { id: sinkId }, query });

    const all = await counts();
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      counts: {
        waiting: 6,
        sending: 2,
        failing: 2,
        delivered: 1,
        discarded: 1,
        capped: [],
        pending: 6,
        inFlight: 2,
      },
    });
    const customers = await counts({ table: 'customers' });
    expect(customers.body).toEqual({
      counts: {
        waiting: 3,
        sending: 1,
        failing: 1,
        delivered: 0,
        discarded: 0,
        capped: [],
        pending: 3,
        inFlight: 1,
      },
    });
    const byError = await counts({ errorCode: 'InternalFailure' });
    expect(byError.body.counts).toMatchObject({ pending: 0, failing: 2 });

    const bad = await counts({ action: 'truncate' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('action');
    const unknown = await call(countMessages, {
      path: path(UNKNOWN_SINK, '/messages/counts'),
      params: { id: UNKNOWN_SINK },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('GET /api/v1/sinks/{id}/messages: commit time', () => {
  it('shows when each change was committed in the source, and null for a message stored without it', async () => {
    const sinkId = await newSink();
    await appendMessages(db, {
      sinkId,
      messages: [
        message(600, 'a', {
          payload: { record: {}, metadata: { commit_timestamp: '2026-11-26T01:02:03.456789Z' } },
        }),
        message(601, 'b'),
      ],
    });
    const page = await call(listMessages, { path: path(sinkId, '/messages'), params: { id: sinkId } });
    expect(page.body.messages.map((m: { commitTimestamp: string | null }) => m.commitTimestamp)).toEqual([
      '2026-11-26T01:02:03.456789Z',
      null,
    ]);
  });
});

describe('GET /api/v1/sinks/{id}/messages/counts on a busy sink', () => {
  it('stops a filtered count of delivered messages at 10,000 and says so, while waiting ones stay exact', async () => {
    const sinkId = await newSink();
    await db.pool.query(
      `INSERT INTO message (sink_id, group_key, lane, commit_lsn, commit_idx, table_schema, table_name, action,
                            payload, size_bytes, state, delivered_at, shard_id, sequence_number)
       SELECT $1::uuid, 'g' || g, 0, g, 0, 'public', 'orders', 'insert', '{}', 2,
              CASE WHEN g <= 10050 THEN 'delivered' ELSE 'pending' END::message_state,
              CASE WHEN g <= 10050 THEN now() END, CASE WHEN g <= 10050 THEN 'shardId-0' END,
              CASE WHEN g <= 10050 THEN g::text END
         FROM generate_series(1, 10070) AS g`,
      [sinkId],
    );
    const filtered = await call(countMessages, {
      path: path(sinkId, '/messages/counts'),
      params: { id: sinkId },
      query: { table: 'orders' },
    });
    expect(filtered.body.counts).toMatchObject({ delivered: 10_000, pending: 20, capped: ['delivered'] });
    const unfiltered = await call(countMessages, {
      path: path(sinkId, '/messages/counts'),
      params: { id: sinkId },
    });
    expect(unfiltered.body.counts).toMatchObject({ delivered: 10_050, pending: 20, capped: [] });
  });
});

describe('GET /api/v1/sinks/{id}/messages/{messageId}', () => {
  let sinkId: string;
  beforeAll(async () => {
    sinkId = await newSink();
    await appendMessages(db, { sinkId, messages: [message(300, 'a'), message(301, 'b'), message(302, 'c')] });
  });
  const detail = (messageId: string, sink = sinkId) =>
    call(getMessage, { path: path(sink, `/messages/${messageId}`), params: { id: sink, messageId } });

  it('shows the payload byte for byte as it is sent, the change, and every failed attempt', async () => {
    const id = await fail(sinkId, 300, 'ProvisionedThroughputExceededException', 2);
    // Key order, a number too large for a double, and `$` sequences all survive as stored.
    const stored = '{"z":1,"big":12345678901234567890123,"a":"$& and $1"}';
    await db.pool.query('UPDATE message SET payload = $2::json WHERE id = $1', [id, stored]);

    const answer = await detail(id);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`"payload":${stored}`);
    expect(answer.text).toContain(`"change":${stored}`);
    expect(answer.body.message).toMatchObject({ id, state: 'failing', deliverCount: 2, commitLsn: '300' });
    expect(answer.body.message.attempts).toEqual([
      {
        attemptNumber: 1,
        trigger: 'scheduled',
        outcome: 'throttled',
        errorCode: 'ProvisionedThroughputExceededException',
        errorMessage: 'attempt 1 failed',
        durationMs: 101,
        attemptedAt: expect.any(String),
      },
      expect.objectContaining({ attemptNumber: 2, trigger: 'manual', durationMs: 102 }),
    ]);
  });

  it('shows where a delivered message landed', async () => {
    const id = await deliver(sinkId, 301);
    const answer = await detail(id);
    expect(answer.body.message.delivered).toMatchObject({
      shardId: 'shardId-000000000001',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      at: expect.any(String),
    });
    expect(answer.body.message.payload).toEqual({ id: 'b', lsn: 301 });
    expect(answer.body.message.attempts).toEqual([]);
  });

  it('answers 400 for an id that is not a number and 404 for one it does not know', async () => {
    const notNumber = await detail('abc');
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.error).toMatchObject({ code: 'invalid_input', field: 'messageId' });
    const tooLarge = await detail('99999999999999999999');
    expect(tooLarge.status).toBe(400);
    expect((await detail('987654321')).status).toBe(404);
    // A message of another sink is not found through this one.
    const otherSink = await newSink();
    expect((await detail(await idAt(sinkId, 302), otherSink)).status).toBe(404);
    expect((await detail(await idAt(sinkId, 302), 'nope')).status).toBe(404);
  });
});

describe('POST …/messages/{messageId}/retry and …/discard', () => {
  let sinkId: string;
  beforeAll(async () => {
    sinkId = await newSink();
    await appendMessages(db, {
      sinkId,
      messages: [400, 401, 402, 403, 404].map((lsn) => message(lsn, `g${lsn}`)),
    });
  });
  const retry = (messageId: string) =>
    call(retryMessage, {
      method: 'POST',
      path: path(sinkId, `/messages/${messageId}/retry`),
      params: { id: sinkId, messageId },
    });
  const discard = (messageId: string, body?: unknown) =>
    call(discardMessage, {
      method: 'POST',
      path: path(sinkId, `/messages/${messageId}/discard`),
      params: { id: sinkId, messageId },
      body,
    });

  it('retries a failing message now, recorded as asked for by a person', async () => {
    const id = await fail(sinkId, 400, 'InternalFailure');
    const answer = await retry(id);
    expect(answer.status).toBe(200);
    expect(answer.body.message).toMatchObject({ id, state: 'failing', nextAttemptTrigger: 'manual' });
    expect(new Date(answer.body.message.nextAttemptAt).getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(answer.body.message.payload).toBeUndefined();
  });

  it('refuses to retry a message that is not failing, and one it does not know', async () => {
    const pending = await retry(await idAt(sinkId, 401));
    expect(pending.status).toBe(409);
    expect(pending.body.error.code).toBe('conflict');
    expect(pending.body.error.message).toMatch(/waiting.*only a failing message can be retried/);
    expect((await retry('123456789')).status).toBe(404);
    expect((await retry('x1')).status).toBe(400);
  });

  it('discards a waiting message with the reason, then refuses to discard it again', async () => {
    const id = await idAt(sinkId, 402);
    const answer = await discard(id, { reason: 'bad row, fixed at the source' });
    expect(answer.status).toBe(200);
    expect(answer.body.message).toMatchObject({
      state: 'discarded',
      discarded: { by: TEST_ACTOR, reason: 'bad row, fixed at the source' },
    });
    const again = await discard(id, { reason: 'twice' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already discarded/);
  });

  it('discards without a body, and refuses a delivered message', async () => {
    const answer = await discard(await idAt(sinkId, 403));
    expect(answer.status).toBe(200);
    expect(answer.body.message.discarded).toMatchObject({ by: TEST_ACTOR, reason: null });
    const delivered = await discard(await deliver(sinkId, 404));
    expect(delivered.status).toBe(409);
    expect(delivered.body.error.message).toMatch(/already delivered/);
  });

  it('answers 400 for a body that is not JSON or a reason too long', async () => {
    const id = await idAt(sinkId, 401);
    const notJson = await discard(id, '{reason:');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    const tooLong = await discard(id, { reason: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.field).toBe('reason');
    const unchanged = await call(getMessage, {
      path: path(sinkId, `/messages/${id}`),
      params: { id: sinkId, messageId: id },
    });
    expect(unchanged.body.message.state).toBe('pending');
  });
});

describe('bulk operations', () => {
  let sinkId: string;
  beforeAll(async () => {
    sinkId = await newSink();
    await appendMessages(db, {
      sinkId,
      messages: Array.from({ length: 20 }, (_, i) => message(500 + i, `g${i % 4}`)),
    });
    for (const lsn of [500, 504, 508, 501])
      await fail(sinkId, lsn, lsn === 501 ? 'AccessDenied' : 'Throttled');
  });
  const create = (body: unknown, sink = sinkId) =>
    call(createOperation, {
      method: 'POST',
      path: path(sink, '/bulk-operations'),
      params: { id: sink },
      body,
    });

  it('queues a discard and answers 202 with how many messages it matches', async () => {
    const answer = await create({
      action: 'discard',
      state: 'pending',
      filter: { group: 'g0' },
      reason: 'replayed elsewhere',
    });
    expect(answer.status).toBe(202);
    expect(answer.body.operation).toMatchObject({
      sinkId,
      action: 'discard',
      state: 'queued',
      messageState: 'waiting',
      filter: { group: 'g0' },
      reason: 'replayed elsewhere',
      total: 2,
      done: 0,
      error: null,
      finishedAt: null,
    });
    // The console only queues it: nothing changed yet.
    const counts = await call(countMessages, {
      path: path(sinkId, '/messages/counts'),
      params: { id: sinkId },
    });
    expect(counts.body.counts.discarded).toBe(0);

    const progress = await call(getOperation, {
      path: path(sinkId, `/bulk-operations/${answer.body.operation.id}`),
      params: { id: sinkId, operationId: answer.body.operation.id },
    });
    expect(progress.status).toBe(200);
    expect(progress.body.operation).toEqual(answer.body.operation);
  });

  it('queues a retry of failing messages by error code and lists operations newest first', async () => {
    const answer = await create({ action: 'retry', filter: { errorCode: 'Throttled' } });
    expect(answer.status).toBe(202);
    expect(answer.body.operation).toMatchObject({ action: 'retry', messageState: null, total: 3 });
    const list = await call(listOperations, {
      path: path(sinkId, '/bulk-operations'),
      params: { id: sinkId },
    });
    expect(list.status).toBe(200);
    expect(list.body.operations[0].id).toBe(answer.body.operation.id);
    expect(list.body.operations.length).toBeGreaterThanOrEqual(2);
  });

  it('names the part of the body at fault', async () => {
    const badAction = await create({ action: 'delete', filter: {} });
    expect(badAction.status).toBe(400);
    expect(badAction.body.error).toMatchObject({ code: 'invalid_input', field: 'action' });
    const noFilter = await create({ action: 'discard' });
    expect(noFilter.body.error.field).toBe('filter');
    const retryPending = await create({ action: 'retry', state: 'pending', filter: {} });
    expect(retryPending.status).toBe(400);
    expect(retryPending.body.error.field).toBe('state');
    expect(retryPending.body.error.message).toMatch(/failing messages only/);
    const badFilter = await create({ action: 'discard', filter: { action: 'merge' } });
    expect(badFilter.body.error.field).toBe('filter.action');
    const delivered = await create({ action: 'discard', state: 'delivered', filter: {} });
    expect(delivered.body.error.field).toBe('state');
    const notJson = await create('action=retry');
    expect(notJson.body.error.code).toBe('invalid_json');
  });

  it('answers 404 for an unknown sink or operation', async () => {
    expect((await create({ action: 'discard', filter: {} }, UNKNOWN_SINK)).status).toBe(404);
    expect((await create({ action: 'discard', filter: {} }, 'sink-1')).status).toBe(404);
    const list = await call(listOperations, {
      path: path(UNKNOWN_SINK, '/bulk-operations'),
      params: { id: UNKNOWN_SINK },
    });
    expect(list.status).toBe(404);
    for (const operationId of ['7d4e0a52-9c1b-4f8e-a3d6-2b5c8e1f0a97', 'not-an-id']) {
      const answer = await call(getOperation, {
        path: path(sinkId, `/bulk-operations/${operationId}`),
        params: { id: sinkId, operationId },
      });
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes every messages and bulk operations route with its errors', () => {
    const paths = openApiDocument().paths as Record<
      string,
      Record<string, { responses: Record<string, unknown> }>
    >;
    const expected: Array<[string, string, string[]]> = [
      ['/api/v1/sinks/{id}/messages', 'get', ['200', '400', '404']],
      ['/api/v1/sinks/{id}/messages/counts', 'get', ['200', '400', '404']],
      ['/api/v1/sinks/{id}/messages/{messageId}', 'get', ['200', '400', '404']],
      ['/api/v1/sinks/{id}/messages/{messageId}/retry', 'post', ['200', '404', '409']],
      ['/api/v1/sinks/{id}/messages/{messageId}/discard', 'post', ['200', '400', '404', '409']],
      ['/api/v1/sinks/{id}/bulk-operations', 'post', ['202', '400', '404']],
      ['/api/v1/sinks/{id}/bulk-operations', 'get', ['200', '404']],
      ['/api/v1/sinks/{id}/bulk-operations/{operationId}', 'get', ['200', '404']],
    ];
    for (const [route, method, statuses] of expected) {
      expect(Object.keys(paths[route]?.[method]?.responses ?? {}), `${method} ${route}`).toEqual(
        expect.arrayContaining(statuses),
      );
    }
  });
});

import { appendMessages, type Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listAudit } from '../app/api/v1/audit/route';
import { POST as createOperation } from '../app/api/v1/sinks/[id]/bulk-operations/route';
import { POST as discardMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/discard/route';
import { POST as retryMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/retry/route';
import { GET as getMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/route';
import { POST as pauseSink } from '../app/api/v1/sinks/[id]/pause/route';
import { DELETE as deleteSink, PATCH as patchSink } from '../app/api/v1/sinks/[id]/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { openApiDocument } from '../lib/server/openapi/document';
import { call, openApiHarness, TEST_ACTOR } from './api-harness';
import { SECRET, sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

const audit = (query: Record<string, string>) => call(listAudit, { path: '/api/v1/audit', query });

async function newSink(overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const answer = await call(createSink, { query: FORCE, path: '/api/v1/sinks', body: sinkBody(overrides) });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.sink;
}

/** Failing messages of a sink, as failed deliveries leave them; their ids, oldest first. */
async function failingMessages(sinkId: string, errorCodes: string[]): Promise<string[]> {
  await appendMessages(db, {
    sinkId,
    messages: errorCodes.map((_, i) => ({
      commitLsn: BigInt(100 + i),
      commitIdx: 0,
      group: `g${i}`,
      tableSchema: 'public',
      tableName: 'orders',
      action: 'insert' as const,
      payload: { id: i },
    })),
  });
  const { rows } = await db.pool.query<{ id: string }>(
    'SELECT id FROM message WHERE sink_id = $1 ORDER BY id',
    [sinkId],
  );
  for (const [i, row] of rows.entries()) {
    await db.pool.query(
      `UPDATE message SET state = 'failing', last_error_code = $2, last_error_message = 'it failed',
              last_error_at = now(), next_attempt_at = now() + interval '1 hour' WHERE id = $1`,
      [row.id, errorCodes[i]],
    );
  }
  return rows.map((row) => row.id);
}

describe('GET /api/v1/audit', () => {
  it('lists a sink created, edited, paused and deleted through the API, newest first, by the API token', async () => {
    const sink = await newSink();
    const patch = await call(patchSink, {
      query: FORCE,
      method: 'PATCH',
      path: `/api/v1/sinks/${sink.id}`,
      params: { id: sink.id },
      body: { backoffCapMs: 30_000, secretAccessKey: `${SECRET}-rotated` },
    });
    expect(patch.status, patch.text).toBe(200);
    await call(pauseSink, { path: `/api/v1/sinks/${sink.id}/pause`, params: { id: sink.id }, body: {} });
    const deleted = await call(deleteSink, {
      method: 'DELETE',
      path: `/api/v1/sinks/${sink.id}`,
      params: { id: sink.id },
    });
    expect(deleted.status).toBe(200);

    const answer = await audit({ targetType: 'sink', targetId: sink.id });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    expect(
      answer.body.events.map((event: { action: string; actor: string; targetName: string }) => [
        event.action,
        event.actor,
        event.targetName,
      ]),
    ).toEqual([
      ['sink.delete', TEST_ACTOR, sink.name],
      ['sink.pause', TEST_ACTOR, sink.name],
      ['sink.update', TEST_ACTOR, sink.name],
      ['sink.create', TEST_ACTOR, sink.name],
    ]);
    expect(answer.body.events[2]).toMatchObject({
      targetType: 'sink',
      targetId: sink.id,
      details: { fields: ['secretAccessKey', 'backoffCapMs'] },
    });
    expect(answer.body.events[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(answer.text).not.toContain(SECRET);
  });

  it('filters by action and target, and pages with nextCursor', async () => {
    const first = await newSink();
    const second = await newSink();

    const creates = await audit({ action: 'sink.create' });
    const createdIds = creates.body.events.map((event: { targetId: string }) => event.targetId);
    expect(createdIds.indexOf(second.id)).toBeLessThan(createdIds.indexOf(first.id));
    expect(new Set(creates.body.events.map((event: { action: string }) => event.action))).toEqual(
      new Set(['sink.create']),
    );

    expect((await audit({ targetId: first.id })).body.events).toHaveLength(1);
    expect((await audit({ targetType: 'source', targetId: first.id })).body.events).toEqual([]);
    expect((await audit({ actor: 'somebody-else' })).body.events).toEqual([]);

    const page = await audit({ action: 'sink.create', limit: '1' });
    expect(page.body.events).toHaveLength(1);
    expect(page.body.nextCursor).toBe(page.body.events[0].id);
    const next = await audit({ action: 'sink.create', limit: '1', before: page.body.nextCursor });
    expect(Number(next.body.events[0].id)).toBeLessThan(Number(page.body.nextCursor));

    const now = new Date();
    const later = new Date(now.getTime() + 60_000).toISOString();
    expect((await audit({ targetId: first.id, until: later })).body.events).toHaveLength(1);
    expect((await audit({ targetId: first.id, since: later })).body.events).toEqual([]);
  });

  it('answers 400 naming a filter it cannot take', async () => {
    for (const [query, field] of [
      [{ action: 'sink.explode' }, 'action'],
      [{ targetType: 'queue' }, 'targetType'],
      [{ since: 'yesterday' }, 'since'],
      [{ before: 'abc' }, 'before'],
      [{ limit: '0' }, 'limit'],
    ] as const) {
      const answer = await audit(query);
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('records a bulk discard with its filter and the count it matched', async () => {
    const sink = await newSink();
    await failingMessages(sink.id, ['Throttled', 'Throttled', 'AccessDenied']);
    const queued = await call(createOperation, {
      path: `/api/v1/sinks/${sink.id}/bulk-operations`,
      params: { id: sink.id },
      body: { action: 'discard', filter: { errorCode: 'Throttled' }, reason: 'stream recreated' },
    });
    expect(queued.status, queued.text).toBe(202);
    expect(queued.body.operation.createdBy).toBe(TEST_ACTOR);

    const answer = await audit({ action: 'bulk.discard', targetId: sink.id });
    expect(answer.body.events).toEqual([
      expect.objectContaining({
        actor: TEST_ACTOR,
        targetType: 'sink',
        targetName: sink.name,
        details: {
          operationId: queued.body.operation.id,
          filter: { errorCode: 'Throttled' },
          messageState: null,
          reason: 'stream recreated',
          matched: 2,
        },
      }),
    ]);
  });
});

describe('the message detail', () => {
  it('shows who retried and who discarded the message, newest first', async () => {
    const sink = await newSink();
    const [id] = await failingMessages(sink.id, ['Throttled']);
    if (!id) throw new Error('expected a message');
    const params = { id: sink.id, messageId: id };
    const messagePath = `/api/v1/sinks/${sink.id}/messages/${id}`;

    const before = await call(getMessage, { path: messagePath, params });
    expect(before.body.message.auditEvents).toEqual([]);

    const retried = await call(retryMessage, { path: `${messagePath}/retry`, params, body: {} });
    expect(retried.status, retried.text).toBe(200);
    const discarded = await call(discardMessage, {
      path: `${messagePath}/discard`,
      params,
      body: { reason: 'not needed' },
    });
    expect(discarded.status, discarded.text).toBe(200);

    const detail = await call(getMessage, { path: messagePath, params });
    expect(detail.status).toBe(200);
    expect(detail.body.message.auditEvents).toEqual([
      expect.objectContaining({
        action: 'message.discard',
        actor: TEST_ACTOR,
        targetType: 'message',
        targetId: id,
        details: { sinkId: sink.id, sinkName: sink.name, messageId: id, reason: 'not needed' },
      }),
      expect.objectContaining({
        action: 'message.retry',
        actor: TEST_ACTOR,
        details: { sinkId: sink.id, sinkName: sink.name, messageId: id },
      }),
    ]);
    // The same events, on the Audit page's list.
    const listed = await audit({ targetType: 'message', targetId: id });
    expect(listed.body.events.map((event: { id: string }) => event.id)).toEqual(
      detail.body.message.auditEvents.map((event: { id: string }) => event.id),
    );
  });
});

describe('the OpenAPI document', () => {
  it('describes the audit route and its filters', () => {
    const paths = openApiDocument().paths as Record<
      string,
      Record<string, { parameters: { name: string }[] }>
    >;
    const get = paths['/api/v1/audit']?.get;
    expect(get?.parameters.map((parameter) => parameter.name)).toEqual([
      'actor',
      'action',
      'targetType',
      'targetId',
      'since',
      'until',
      'before',
      'limit',
    ]);
  });
});

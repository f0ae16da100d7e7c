import { SecretBox } from '@shardline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditEventFilter,
  appendMessages,
  applyBulkOperation,
  claimNextBulkOperation,
  createBulkOperation,
  createSink,
  createSource,
  createTransform,
  type Database,
  deleteSink,
  deleteSource,
  deleteTransform,
  discardMessages,
  finishBulkOperation,
  listAuditEvents,
  pauseSink,
  recordAuditEvent,
  resumeSink,
  retryMessages,
  updateSink,
  updateSource,
  updateTransform,
} from '../src';
import { createTestSink, message, openTestDatabase, TEST_SECRET_KEY } from './fixtures';

const secretBox = new SecretBox(TEST_SECRET_KEY);
let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

const uniqueName = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

async function events(filter: AuditEventFilter) {
  return (await listAuditEvents(db, { limit: 200, ...filter })).events;
}

/** Every stored column of every event, as text: where a secret must never appear. */
async function everyEventAsText(): Promise<string> {
  const { rows } = await db.pool.query<{ row: string }>(
    'SELECT row_to_json(a)::text AS row FROM audit_event a',
  );
  return rows.map((row) => row.row).join('\n');
}

async function failingMessageIds(sinkId: string, count: number): Promise<bigint[]> {
  await appendMessages(db, {
    sinkId,
    messages: Array.from({ length: count }, (_, i) => message(100 + i, 0, `g${i}`)),
  });
  const { rows } = await db.pool.query<{ id: string }>(
    `UPDATE message SET state = 'failing', last_error_code = 'Boom', last_error_message = 'it failed',
            last_error_at = now(), next_attempt_at = now() + interval '1 hour'
      WHERE sink_id = $1 RETURNING id`,
    [sinkId],
  );
  return rows.map((row) => BigInt(row.id)).sort((a, b) => (a < b ? -1 : 1));
}

describe('changes of a sink', () => {
  it('records create, update, pause, resume and delete, with who did them', async () => {
    const sink = await createSink(db, {
      secretBox,
      input: { name: uniqueName('audited'), streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/test' },
      by: 'ana',
    });
    await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: { name: `${sink.name}-renamed`, backoffCapMs: 60_000, maxRecordSizeBytes: 1024 * 1024 },
      by: 'bo',
    });
    await pauseSink(db, { sinkId: sink.id, by: 'cy' });
    await resumeSink(db, { sinkId: sink.id, by: 'di' });
    await deleteSink(db, { sinkId: sink.id, by: 'ed' });

    const trail = await events({ targetType: 'sink', targetId: sink.id });
    expect(trail.map((event) => [event.action, event.actor, event.targetName])).toEqual([
      ['sink.delete', 'ed', `${sink.name}-renamed`],
      ['sink.resume', 'di', `${sink.name}-renamed`],
      ['sink.pause', 'cy', `${sink.name}-renamed`],
      ['sink.update', 'bo', `${sink.name}-renamed`],
      ['sink.create', 'ana', sink.name],
    ]);
    // Only what changed: the record size limit was given with its current value.
    expect(trail[3]?.details).toEqual({ fields: ['name', 'backoffCapMs'] });
    expect(trail[4]?.at).toBeInstanceOf(Date);
  });

  it('says that a secret changed, never what it is', async () => {
    const sink = await createTestSink(db);
    await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: { secretAccessKey: 'a-new-secret-nobody-may-read', endpoint: 'http://localhost:4567' },
    });
    await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: { accessKeyId: null, secretAccessKey: null },
    });
    const [removed, replaced] = await events({ action: 'sink.update', targetId: sink.id });
    expect(replaced?.details).toEqual({ fields: ['secretAccessKey', 'endpoint'] });
    expect(removed?.details).toEqual({ fields: ['accessKeyId', 'secretAccessKey'] });
    const stored = await everyEventAsText();
    expect(stored).not.toContain('a-new-secret-nobody-may-read');
    expect(stored).not.toContain('secret-value-never-shown');
  });

  it('compares tables as a set: the same tables in another order change nothing', async () => {
    const tables = [
      { name: 'orders', actions: ['insert' as const, 'update' as const] },
      { name: 'refunds', groupColumns: ['id'] },
    ];
    const sink = await createTestSink(db, { tables });
    await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: {
        tables: [
          { ...tables[1], name: 'refunds' },
          { name: 'orders', actions: ['update', 'insert'] },
        ],
      },
    });
    await updateSink(db, { secretBox, sinkId: sink.id, input: { tables: [{ name: 'orders' }] } });
    const [shrunk, reordered] = await events({ action: 'sink.update', targetId: sink.id });
    expect(reordered?.details).toEqual({ fields: [] });
    expect(shrunk?.details).toEqual({ fields: ['tables'] });
  });
});

describe('changes of a source', () => {
  it('records create, update (the password only as changed) and delete', async () => {
    const source = await createSource(db, {
      secretBox,
      input: { name: 'audited', url: 'postgres://u:first-password@h/shop' },
      by: 'ana',
    });
    await updateSource(db, {
      secretBox,
      sourceId: source.id,
      input: { port: 5433, password: 'second-password', host: 'h' },
      by: 'bo',
    });
    await deleteSource(db, { sourceId: source.id, by: 'cy' });

    const trail = await events({ targetType: 'source', targetId: source.id });
    expect(trail.map((event) => [event.action, event.actor, event.targetName])).toEqual([
      ['source.delete', 'cy', 'audited'],
      ['source.update', 'bo', 'audited'],
      ['source.create', 'ana', 'audited'],
    ]);
    expect([...((trail[1]?.details.fields as string[] | undefined) ?? [])].sort()).toEqual([
      'password',
      'port',
    ]);
    const stored = await everyEventAsText();
    expect(stored).not.toContain('first-password');
    expect(stored).not.toContain('second-password');
  });
});

describe('changes of a transform', () => {
  it('records create, update (with the version it makes) and delete', async () => {
    const transform = await createTransform(db, {
      input: { name: 'audited-transform', kind: 'path', body: 'record' },
      by: 'ana',
    });
    await updateTransform(db, {
      transformId: transform.id,
      input: { description: 'only the record', body: 'record.id', kind: 'path' },
      by: 'bo',
    });
    await deleteTransform(db, { transformId: transform.id, by: 'cy' });

    const trail = await events({ targetType: 'transform', targetId: transform.id });
    expect(trail.map((event) => [event.action, event.actor])).toEqual([
      ['transform.delete', 'cy'],
      ['transform.update', 'bo'],
      ['transform.create', 'ana'],
    ]);
    expect(trail[1]?.details).toEqual({ fields: ['description', 'body'], version: 2 });
  });
});

describe('retries and discards', () => {
  it('records each message retried or discarded by id, with its sink', async () => {
    const sink = await createTestSink(db);
    const [first, second] = await failingMessageIds(sink.id, 2);
    if (first === undefined || second === undefined) throw new Error('expected two messages');
    await retryMessages(db, { sinkId: sink.id, selection: { ids: [first] }, by: 'ana' });
    await discardMessages(db, {
      sinkId: sink.id,
      selection: { ids: [second] },
      by: 'bo',
      reason: 'bad row',
    });
    // Nothing changed, nothing recorded: the message is no longer failing.
    await discardMessages(db, { sinkId: sink.id, selection: { ids: [second] }, by: 'bo' });

    expect(await events({ targetType: 'message', targetId: first.toString() })).toMatchObject([
      {
        action: 'message.retry',
        actor: 'ana',
        targetName: null,
        details: { sinkId: sink.id, sinkName: sink.name, messageId: first.toString() },
      },
    ]);
    expect(await events({ targetType: 'message', targetId: second.toString() })).toMatchObject([
      {
        action: 'message.discard',
        actor: 'bo',
        details: { sinkId: sink.id, messageId: second.toString(), reason: 'bad row' },
      },
    ]);
  });

  it('records a bulk operation once, with its filter and count, and its final count when it ends', async () => {
    const sink = await createTestSink(db);
    await failingMessageIds(sink.id, 3);
    const operation = await createBulkOperation(db, {
      sinkId: sink.id,
      input: { action: 'discard', filter: { errorCode: 'Boom' }, reason: 'stale' },
      by: 'ana',
    });
    const [queued] = await events({ action: 'bulk.discard', targetId: sink.id });
    expect(queued).toMatchObject({
      actor: 'ana',
      targetType: 'sink',
      targetName: sink.name,
      details: {
        operationId: operation.id,
        filter: { errorCode: 'Boom' },
        messageState: null,
        reason: 'stale',
        matched: 3,
      },
    });

    const claimed = await claimNextBulkOperation(db);
    expect(claimed?.id).toBe(operation.id);
    if (!claimed) return;
    expect(await applyBulkOperation(db, claimed)).toBe('finished');
    expect(await finishBulkOperation(db, claimed)).toBe(true);

    const [ended] = await events({ action: 'bulk.discard', targetId: sink.id });
    expect(ended?.details).toMatchObject({ matched: 3, done: 3, outcome: 'done' });
    // The run itself records no event per message; the messages say who discarded them.
    expect(await events({ action: 'message.discard', actor: 'ana' })).toEqual([]);
    const { rows } = await db.pool.query('SELECT DISTINCT discarded_by FROM message WHERE sink_id = $1', [
      sink.id,
    ]);
    expect(rows).toEqual([{ discarded_by: 'ana' }]);
  });
});

describe('the same transaction as the change', () => {
  it('records nothing when the change fails', async () => {
    const sink = await createTestSink(db);
    const other = await createTestSink(db);
    await expect(
      updateSink(db, { secretBox, sinkId: sink.id, input: { name: other.name }, by: 'ana' }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(deleteSink(db, { sinkId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(await events({ action: 'sink.update', targetId: sink.id })).toEqual([]);
    expect(await events({ targetId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });

  it('changes nothing when the event cannot be recorded', async () => {
    const sink = await createTestSink(db);
    const [id] = await failingMessageIds(sink.id, 1);
    if (id === undefined) throw new Error('expected a message');
    await db.pool.query(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit refused'; END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT OR UPDATE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
    try {
      await expect(
        updateSink(db, { secretBox, sinkId: sink.id, input: { name: `${sink.name}-x` } }),
      ).rejects.toThrow();
      await expect(pauseSink(db, { sinkId: sink.id, by: 'ana' })).rejects.toThrow();
      await expect(deleteSink(db, { sinkId: sink.id })).rejects.toThrow();
      await expect(
        discardMessages(db, { sinkId: sink.id, selection: { ids: [id] }, by: 'ana' }),
      ).rejects.toThrow(/audit refused/);
      await expect(
        createBulkOperation(db, { sinkId: sink.id, input: { action: 'retry', filter: {} } }),
      ).rejects.toThrow();
    } finally {
      await db.pool.query('DROP TRIGGER refuse_audit ON audit_event; DROP FUNCTION refuse_audit()');
    }
    const { rows } = await db.pool.query(
      'SELECT s.name, s.paused_at, m.state FROM sink s JOIN message m ON m.sink_id = s.id WHERE s.id = $1',
      [sink.id],
    );
    expect(rows).toEqual([{ name: sink.name, paused_at: null, state: 'failing' }]);
    const bulk = await db.pool.query('SELECT 1 FROM bulk_operation WHERE sink_id = $1', [sink.id]);
    expect(bulk.rowCount).toBe(0);
  });
});

describe('listing the audit trail', () => {
  it('filters by actor, action, target and time, newest first, a page at a time', async () => {
    const targetId = crypto.randomUUID();
    for (const [actor, action] of [
      ['lu', 'sink.pause'],
      ['lu', 'sink.resume'],
      ['mo', 'sink.pause'],
    ] as const) {
      await recordAuditEvent(db, { actor, action, targetType: 'sink', targetId, targetName: 'listed' });
    }
    const all = await events({ targetId });
    expect(all.map((event) => [event.actor, event.action])).toEqual([
      ['mo', 'sink.pause'],
      ['lu', 'sink.resume'],
      ['lu', 'sink.pause'],
    ]);
    expect((await events({ targetId, actor: 'lu', action: 'sink.pause' })).length).toBe(1);
    expect(await events({ targetId, targetType: 'source' })).toEqual([]);

    const oldest = all[2]?.at ?? new Date();
    expect((await events({ targetId, since: oldest })).length).toBe(3);
    expect(await events({ targetId, until: oldest })).toEqual([]);
    expect((await events({ targetId, until: new Date(Date.now() + 60_000) })).length).toBe(3);
    expect(await events({ targetId, since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);

    const first = await listAuditEvents(db, { targetId, limit: 2 });
    expect(first.events.map((event) => event.actor)).toEqual(['mo', 'lu']);
    expect(first.nextCursor).toBe(first.events[1]?.id);
    const second = await listAuditEvents(db, { targetId, limit: 2, before: first.nextCursor ?? '' });
    expect(second.events.map((event) => event.action)).toEqual(['sink.pause']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a filter it does not know', async () => {
    await expect(listAuditEvents(db, { action: 'sink.explode' as never })).rejects.toMatchObject({
      field: 'action',
    });
    await expect(listAuditEvents(db, { since: 'yesterday' })).rejects.toMatchObject({ field: 'since' });
    await expect(listAuditEvents(db, { before: 'x' })).rejects.toMatchObject({ field: 'before' });
  });
});

import { type Database, listAuditEvents } from '@shardline/db';
import type { SourceDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as cancelBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/cancel/route';
import { POST as pauseBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/pause/route';
import { POST as resumeBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/resume/route';
import { GET as getBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/route';
import { POST as startBackfill } from '../app/api/v1/sinks/[id]/backfills/route';
import { PATCH as patchSink } from '../app/api/v1/sinks/[id]/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { call, openApiHarness, TEST_ACTOR } from './api-harness';
import { createBackfillSource, createSinkOn, listSinkBackfills } from './backfill-fixtures';
import { sinkBody } from './sinks-fixtures';

let db: Database;
let close: () => Promise<void>;
let sourceDb: SourceDatabase | undefined;
let sourceId: string;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  ({ sourceDb, sourceId } = await createBackfillSource(
    db,
    `CREATE TABLE items (id int PRIMARY KEY, status text NOT NULL);
     INSERT INTO items SELECT g, 'open' FROM generate_series(1, 20) AS g;
     CREATE TABLE lines (order_id int, line int, PRIMARY KEY (order_id, line));
     CREATE TABLE notes (id int PRIMARY KEY);`,
  ));
});
afterAll(async () => {
  await sourceDb?.drop();
  await close();
});

const UNKNOWN_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ITEMS_AND_LINES = [{ name: 'items' }, { name: 'lines' }];

function start(sinkId: string, body: unknown = {}, as: 'admin' | 'viewer' = 'admin') {
  return call(startBackfill, { path: `/api/v1/sinks/${sinkId}/backfills`, params: { id: sinkId }, body, as });
}

function get(sinkId: string, backfillId: string) {
  return call(getBackfill, {
    path: `/api/v1/sinks/${sinkId}/backfills/${backfillId}`,
    params: { id: sinkId, backfillId },
  });
}

const COMMANDS = { pause: pauseBackfill, resume: resumeBackfill, cancel: cancelBackfill };

function command(
  name: keyof typeof COMMANDS,
  sinkId: string,
  backfillId: string,
  as: 'admin' | 'viewer' = 'admin',
) {
  return call(COMMANDS[name], {
    method: 'POST',
    path: `/api/v1/sinks/${sinkId}/backfills/${backfillId}/${name}`,
    params: { id: sinkId, backfillId },
    as,
  });
}

describe('backfills through the API', () => {
  it('starts, lists, gets, pauses, resumes and cancels, each recorded in the audit trail', async () => {
    const sink = await createSinkOn(sourceId, ITEMS_AND_LINES);
    const started = await start(sink.id, { tables: [{ name: 'items', where: "status = 'open'" }] });
    expect(started.status, started.text).toBe(201);
    const { backfill } = started.body;
    expect(backfill).toMatchObject({
      sinkId: sink.id,
      state: 'running',
      outcome: null,
      rowsDone: 0,
      rowsTotalEstimate: null,
      percent: null,
      secondsLeft: null,
      createdBy: TEST_ACTOR,
      finishedAt: null,
      lastError: null,
    });
    expect(backfill.tables).toEqual([
      {
        schema: 'public',
        name: 'items',
        where: "status = 'open'",
        after: null,
        done: false,
        rowsDone: 0,
        rowsEstimate: null,
      },
    ]);

    expect((await get(sink.id, backfill.id)).body.backfill).toEqual(backfill);
    const paused = await command('pause', sink.id, backfill.id);
    expect(paused.status, paused.text).toBe(200);
    expect(paused.body.backfill).toMatchObject({ id: backfill.id, state: 'paused', outcome: null });
    const pausedAgain = await command('pause', sink.id, backfill.id);
    expect(pausedAgain.status).toBe(409);
    expect(pausedAgain.body.error.message).toBe(
      `the backfill ${backfill.id} is paused: only a running backfill can be paused`,
    );
    expect((await command('resume', sink.id, backfill.id)).body.backfill.state).toBe('running');
    const cancelled = await command('cancel', sink.id, backfill.id);
    expect(cancelled.body.backfill).toMatchObject({ state: 'cancelled', outcome: 'cancelled' });
    expect(cancelled.body.backfill.finishedAt).toEqual(expect.any(String));
    for (const [name, allowed] of [
      ['cancel', 'running or paused or failed'],
      ['resume', 'paused or failed'],
    ] as const) {
      const refused = await command(name, sink.id, backfill.id);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'conflict',
        message: `the backfill ${backfill.id} is cancelled: only a ${allowed} backfill can be ${name === 'cancel' ? 'cancelled' : 'resumed'}`,
      });
    }

    // A finished one no longer blocks the next; the list is newest first, with the history.
    const second = await start(sink.id);
    expect(second.status, second.text).toBe(201);
    expect(second.body.backfill.tables.map((table: { name: string }) => table.name)).toEqual([
      'items',
      'lines',
    ]);
    const listed = await listSinkBackfills(sink.id);
    expect(listed.status).toBe(200);
    expect(
      listed.body.backfills.map((b: { id: string; state: string; createdBy: string }) => [
        b.id,
        b.state,
        b.createdBy,
      ]),
    ).toEqual([
      [second.body.backfill.id, 'running', TEST_ACTOR],
      [backfill.id, 'cancelled', TEST_ACTOR],
    ]);

    const { events } = await listAuditEvents(db, { targetId: sink.id });
    const backfillEvents = events
      .filter((event) => event.action.startsWith('backfill.'))
      .reverse()
      .map((event) => ({
        action: event.action,
        actor: event.actor,
        targetType: event.targetType,
        targetName: event.targetName,
        backfillId: (event.details as { backfillId?: string }).backfillId,
      }));
    const expected = (action: string, backfillId: string) => ({
      action,
      actor: TEST_ACTOR,
      targetType: 'sink',
      targetName: sink.name,
      backfillId,
    });
    expect(backfillEvents).toEqual([
      expected('backfill.start', backfill.id),
      expected('backfill.pause', backfill.id),
      expected('backfill.resume', backfill.id),
      expected('backfill.cancel', backfill.id),
      expected('backfill.start', second.body.backfill.id),
    ]);
    const startEvent = events.find(
      (event) => event.action === 'backfill.start' && event.details.backfillId === backfill.id,
    );
    expect(startEvent?.details.tables).toEqual([{ table: 'public.items', where: "status = 'open'" }]);
  });

  it('refuses with a clear answer: a bad condition, a table the sink does not take, a second backfill', async () => {
    const sink = await createSinkOn(sourceId, ITEMS_AND_LINES);
    const badColumn = await start(sink.id, { tables: [{ name: 'items', where: 'colour = 1' }] });
    expect(badColumn.status).toBe(400);
    expect(badColumn.body.error).toEqual({
      code: 'invalid_input',
      message: 'the condition on public.items cannot be used: column "colour" does not exist',
      field: 'tables.0.where',
    });
    const twoStatements = await start(sink.id, {
      tables: [{ name: 'items', where: 'true; DROP TABLE items' }],
    });
    expect(twoStatements.status).toBe(400);
    expect(twoStatements.body.error.message).toMatch(
      /^the condition on public\.items: a condition is one expression/,
    );
    const badRange = await start(sink.id, { tables: [{ name: 'lines', keyRange: { from: ['1', 'x'] } }] });
    expect(badRange.status).toBe(400);
    expect(badRange.body.error).toMatchObject({
      message:
        'the key range of public.lines does not fit its primary key (order_id integer, line integer): invalid input syntax for type integer: "x"',
      field: 'tables.0.keyRange.from',
    });
    const notTaken = await start(sink.id, { tables: [{ name: 'notes' }] });
    expect(notTaken.status).toBe(400);
    expect(notTaken.body.error).toEqual({
      code: 'invalid_input',
      message: `the sink "${sink.name}" does not take table public.notes (its tables: public.items, public.lines)`,
      field: 'tables.0',
    });
    const noTables = await start(sink.id, { tables: [] });
    expect(noTables.status).toBe(400);
    expect(noTables.body.error.field).toBe('tables');
    expect((await listSinkBackfills(sink.id)).body.backfills).toEqual([]);

    const first = await start(sink.id);
    expect(first.status).toBe(201);
    const second = await start(sink.id, { tables: [{ name: 'lines' }] });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(
      `the sink "${sink.name}" already has a running backfill (${first.body.backfill.id}): cancel it, or wait for it to finish, before starting another`,
    );
    await command('pause', sink.id, first.body.backfill.id);
    expect((await start(sink.id)).body.error.message).toMatch(/already has a paused backfill/);

    const withoutSource = await call(createSink, { body: sinkBody(), query: { force: 'true' } });
    const noSource = await start(withoutSource.body.sink.id);
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.message).toMatch(/has no source: .* no tables to backfill/);

    expect((await start(UNKNOWN_ID)).status).toBe(404);
    expect((await listSinkBackfills(UNKNOWN_ID)).status).toBe(404);
    expect((await get(sink.id, UNKNOWN_ID)).status).toBe(404);
    expect((await get(sink.id, 'not-a-uuid')).status).toBe(404);
    // A backfill is reached through its own sink only.
    const other = await createSinkOn(sourceId, [{ name: 'items' }]);
    const elsewhere = await get(other.id, first.body.backfill.id);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.message).toBe(
      `the sink ${other.id} has no backfill ${first.body.backfill.id}`,
    );
    expect((await command('cancel', other.id, first.body.backfill.id)).status).toBe(404);
  });

  it('refuses to resume a failed backfill while another one of the sink is under way', async () => {
    const sink = await createSinkOn(sourceId, ITEMS_AND_LINES);
    const failed = (await start(sink.id)).body.backfill;
    // As the engine leaves one it cannot go on with (a table without a primary key, say).
    await db.pool.query(`UPDATE backfill SET state = 'failed', finished_at = now() WHERE id = $1`, [
      failed.id,
    ]);
    const running = await start(sink.id);
    expect(running.status, running.text).toBe(201);
    const refused = await command('resume', sink.id, failed.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `the backfill ${failed.id} cannot be resumed while its sink has another backfill running or paused`,
    );
    expect((await get(sink.id, failed.id)).body.backfill).toMatchObject({
      state: 'failed',
      outcome: 'failed',
    });
  });

  it('lets a viewer look but not start or control one', async () => {
    const sink = await createSinkOn(sourceId, ITEMS_AND_LINES);
    const { backfill } = (await start(sink.id)).body;
    expect((await listSinkBackfills(sink.id, 'viewer')).body.backfills).toHaveLength(1);
    const refused = await start(sink.id, {}, 'viewer');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    for (const name of ['pause', 'resume', 'cancel'] as const) {
      expect((await command(name, sink.id, backfill.id, 'viewer')).status).toBe(403);
    }
    expect((await get(sink.id, backfill.id)).body.backfill.state).toBe('running');
  });

  it('starts a backfill of the tables chosen to send their existing rows, with the sink', async () => {
    const answer = await call(createSink, {
      query: { force: 'true' },
      body: sinkBody({
        sourceId,
        tables: [
          { name: 'items' },
          { name: 'lines', sendExistingRows: true },
          { name: 'notes', sendExistingRows: false },
        ],
      }),
    });
    expect(answer.status, answer.text).toBe(201);
    const sink = answer.body.sink;
    const { backfills } = (await listSinkBackfills(sink.id)).body;
    expect(backfills).toHaveLength(1);
    expect(backfills[0]).toMatchObject({ state: 'running', createdBy: TEST_ACTOR });
    expect(
      backfills[0].tables.map((table: { schema: string; name: string }) => `${table.schema}.${table.name}`),
    ).toEqual(['public.lines']);
    const { events } = await listAuditEvents(db, { targetId: sink.id });
    expect(events.map((event) => event.action).sort()).toEqual(['backfill.start', 'sink.create']);

    // Without the option, no backfill.
    const plain = await createSinkOn(sourceId, ITEMS_AND_LINES);
    expect((await listSinkBackfills(plain.id)).body.backfills).toEqual([]);

    // Refused when there is no source to read them from; nothing is saved.
    const name = `no-source-${Date.now()}`;
    const noSource = await call(createSink, {
      query: { force: 'true' },
      body: sinkBody({ name, tables: [{ name: 'items', sendExistingRows: true }] }),
    });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error).toMatchObject({ field: 'tables.0.sendExistingRows' });
    expect(await db.prisma.sink.count({ where: { name } })).toBe(0);

    // A sink that fails to save leaves no backfill behind either.
    const before = await db.prisma.backfill.count();
    const failing = await call(createSink, {
      query: { force: 'true' },
      body: sinkBody({
        sourceId,
        transformId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        tables: [{ name: 'items', sendExistingRows: true }],
      }),
    });
    expect(failing.status).toBe(400);
    expect(await db.prisma.backfill.count()).toBe(before);

    // Editing points at the backfill route instead.
    const edit = await call(patchSink, {
      method: 'PATCH',
      path: `/api/v1/sinks/${sink.id}`,
      params: { id: sink.id },
      body: { tables: [{ name: 'items', sendExistingRows: true }] },
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error).toMatchObject({
      field: 'tables.0.sendExistingRows',
      message: expect.stringContaining('start a backfill (POST /api/v1/sinks/{id}/backfills)'),
    });
  });
});

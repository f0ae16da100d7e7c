import { SecretBox, ValidationError } from '@shardline/core';
import { getSourceConnection, type StartBackfillInput, startBackfill } from '@shardline/db';
import { type NoopKinesis, startNoopKinesis } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackfillNarrowing } from '../../src';
import { type CaptureTestContext, setupCaptureTest, TEST_SECRET_KEY } from '../harness';
import { waitAllDelivered, waitForBackfill } from './backfill-helpers';

let ctx: CaptureTestContext | undefined;
let recorder: NoopKinesis | undefined;
afterEach(async () => {
  const [context, recording] = [ctx, recorder];
  [ctx, recorder] = [undefined, undefined];
  await context?.cleanup();
  await recording?.stop();
});

const SCHEMA = `
  CREATE TABLE items (id int PRIMARY KEY, status text NOT NULL, created_at date NOT NULL);
  INSERT INTO items
    SELECT g, CASE WHEN g % 3 = 0 THEN 'open' ELSE 'closed' END, DATE '2025-12-01' + (g % 90)
      FROM generate_series(1, 1000) AS g;
  CREATE TABLE lines (order_id int, line int, qty int NOT NULL, PRIMARY KEY (order_id, line));
  INSERT INTO lines SELECT o, l, o * 10 + l FROM generate_series(1, 30) AS o, generate_series(1, 9) AS l;
`;

/** Starts a backfill as the API does: narrowings are tried on the source before it is saved. */
function start(context: CaptureTestContext, input: StartBackfillInput) {
  return startBackfill(context.db, input, {
    by: 'narrowing-test',
    checkNarrowing: async ({ sourceId, tables }) => {
      const { source, clientConfig } = await getSourceConnection(context.db, {
        secretBox: new SecretBox(TEST_SECRET_KEY),
        sourceId,
      });
      await checkBackfillNarrowing(clientConfig, { publicationName: source.publicationName, tables });
    },
  });
}

describe('a narrowed backfill', () => {
  it('sends exactly the rows its condition and key range select, and nothing else', async () => {
    const recording = await startNoopKinesis({ keepRecords: true });
    recorder = recording;
    const context = await setupCaptureTest({
      schemaSql: SCHEMA,
      sinks: [{ tables: [{ name: 'items' }, { name: 'lines' }] }],
      endpoint: recording.endpoint,
    });
    ctx = context;
    // Pages much smaller than what is selected: the narrowing holds across page boundaries.
    context.startCapture({ backfill: { pageSize: 25, pollIntervalMs: 50 } });
    await context.startDelivery();
    const sinkId = context.sinks[0]?.sink.id ?? '';
    const started = await start(context, {
      sinkId,
      tables: [
        {
          name: 'items',
          where: "status = 'open' AND created_at >= '2026-01-15'",
          keyRange: { from: ['100'], to: ['700'] },
        },
        // A key range on the leading column only: orders 12 (from line 5) to 15, every line.
        { name: 'lines', keyRange: { from: ['12', '5'], to: ['15'] } },
      ],
    });
    expect(started.tables.map(({ name, where, keyRange }) => ({ name, where, keyRange }))).toEqual([
      {
        name: 'items',
        where: "status = 'open' AND created_at >= '2026-01-15'",
        keyRange: { from: ['100'], to: ['700'] },
      },
      { name: 'lines', where: undefined, keyRange: { from: ['12', '5'], to: ['15'] } },
    ]);
    expect(started.createdBy).toBe('narrowing-test');

    const expectedItems = context.sql<{ id: number }>(
      `SELECT id FROM items WHERE status = 'open' AND created_at >= '2026-01-15' AND id BETWEEN 100 AND 700 ORDER BY id`,
    );
    const expectedLines = context.sql<{ order_id: number; line: number }>(
      'SELECT order_id, line FROM lines WHERE (order_id, line) >= (12, 5) AND order_id <= 15 ORDER BY 1, 2',
    );
    const items = (await expectedItems).map((row) => row.id);
    const lines = (await expectedLines).map((row) => `${row.order_id}:${row.line}`);
    expect(items.length).toBeGreaterThan(50);
    expect(lines).toHaveLength(5 + 9 * 3);

    const done = await waitForBackfill(context, started.id, (backfill) => backfill.state === 'done');
    expect(done.rowsDone).toBe(items.length + lines.length);
    expect(done.tables.map((table) => table.rowsDone)).toEqual([items.length, lines.length]);
    await waitAllDelivered(context);

    const arrived = recording.records().map((record) => JSON.parse(record.data));
    expect(arrived.every((payload) => payload.action === 'read')).toBe(true);
    // Groups go out in parallel lanes: what arrived is compared as a set, in key order.
    const arrivedOf = (table: string) =>
      arrived
        .filter((payload) => payload.metadata.table_name === table)
        .map((payload) => payload.record)
        .sort((a, b) => a.id - b.id || a.order_id - b.order_id || a.line - b.line);
    expect(arrivedOf('items').map((record) => record.id)).toEqual(items);
    expect(arrivedOf('lines').map((record) => `${record.order_id}:${record.line}`)).toEqual(lines);
  });

  it('is refused before it is saved when the source does not accept its condition or range', async () => {
    const context = await setupCaptureTest({
      schemaSql: SCHEMA,
      sinks: [{ tables: [{ name: 'items' }, { name: 'lines' }] }],
    });
    ctx = context;
    const sinkId = context.sinks[0]?.sink.id ?? '';
    const refusal = (tables: StartBackfillInput['tables']) =>
      start(context, { sinkId, tables }).then(
        () => {
          throw new Error('the backfill was started');
        },
        (error: unknown) => {
          expect(error).toBeInstanceOf(ValidationError);
          const { message, field } = error as ValidationError;
          return { message, field };
        },
      );

    expect(await refusal([{ name: 'items', where: 'nope > 1' }])).toEqual({
      message: 'the condition on public.items cannot be used: column "nope" does not exist',
      field: 'tables.0.where',
    });
    expect(await refusal([{ name: 'lines' }, { name: 'items', where: 'id + 1' }])).toEqual({
      message:
        'the condition on public.items cannot be used: argument of WHERE must be type boolean, not type integer',
      field: 'tables.1.where',
    });
    expect(await refusal([{ name: 'items', where: 'true; DELETE FROM items' }])).toMatchObject({
      message: expect.stringMatching(/^the condition on public\.items: a condition is one expression/),
      field: 'tables.0.where',
    });
    expect(await refusal([{ name: 'items', where: 'true) OR (true' }])).toMatchObject({
      field: 'tables.0.where',
    });
    expect(await refusal([{ name: 'items', keyRange: { from: ['ten'] } }])).toEqual({
      message:
        'the key range of public.items does not fit its primary key (id integer): invalid input syntax for type integer: "ten"',
      field: 'tables.0.keyRange.from',
    });
    expect(await refusal([{ name: 'lines', keyRange: { to: ['1', '2', '3'] } }])).toEqual({
      message:
        'the key range of public.lines gives 3 values in "to", but its primary key has 2 column(s): order_id, line',
      field: 'tables.0.keyRange.to',
    });
    // A condition that would write is refused by the READ ONLY transaction it is tried in.
    await context.sql('CREATE SEQUENCE probe');
    expect(await refusal([{ name: 'items', where: "nextval('probe') > 0" }])).toMatchObject({
      message: expect.stringContaining('cannot execute nextval() in a read-only transaction'),
    });
    const { rows } = await context.db.pool.query('SELECT count(*)::int AS n FROM backfill');
    expect(rows[0]?.n).toBe(0);
  });

  it("fails, with Postgres' message, when its condition fails on a row", async () => {
    const context = await setupCaptureTest({ schemaSql: SCHEMA, sinks: [{ tables: [{ name: 'items' }] }] });
    ctx = context;
    context.startCapture({ backfill: { pageSize: 100, pollIntervalMs: 50 } });
    const started = await start(context, {
      sinkId: context.sinks[0]?.sink.id ?? '',
      tables: [{ name: 'items', where: '100 / (id - 500) > -1000' }],
    });
    const failed = await waitForBackfill(context, started.id, (backfill) => backfill.state !== 'running');
    expect(failed).toMatchObject({ state: 'failed', outcome: 'failed' });
    expect(failed.lastError).toBe(
      'the condition on public.items (100 / (id - 500) > -1000) fails on the source: division by zero. Start a new backfill with a condition that works.',
    );
  });
});

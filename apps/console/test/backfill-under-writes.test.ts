import type { Database } from '@shardline/db';
import { startNoopKinesis, waitFor, waitUntilSlotStreamed } from '@shardline/testing';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as cancelBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/cancel/route';
import { POST as pauseBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/pause/route';
import { POST as resumeBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/resume/route';
import { GET as getBackfill } from '../app/api/v1/sinks/[id]/backfills/[backfillId]/route';
import { POST as startBackfill } from '../app/api/v1/sinks/[id]/backfills/route';
import { call, openApiHarness } from './api-harness';
import { createBackfillSource, createSinkOn } from './backfill-fixtures';
import { startEngineInProcess } from './engine-in-process';

const ROWS = 200_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface BackfillAnswer {
  id: string;
  state: string;
  rowsDone: number;
  rowsTotalEstimate: number | null;
  percent: number | null;
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

/** The backfill routes as a script drives them. */
function backfillApi(sinkId: string) {
  const params = (backfillId: string) => ({ id: sinkId, backfillId });
  const send = async (handler: typeof pauseBackfill, backfillId: string, verb: string) => {
    const answer = await call(handler, {
      method: 'POST',
      path: `/api/v1/sinks/${sinkId}/backfills/${backfillId}/${verb}`,
      params: params(backfillId),
    });
    expect(answer.status, answer.text).toBe(200);
    return answer.body.backfill as BackfillAnswer;
  };
  return {
    async start(): Promise<BackfillAnswer> {
      const answer = await call(startBackfill, { params: { id: sinkId }, body: {} });
      expect(answer.status, answer.text).toBe(201);
      return answer.body.backfill;
    },
    async get(backfillId: string): Promise<BackfillAnswer> {
      const answer = await call(getBackfill, { params: params(backfillId) });
      expect(answer.status, answer.text).toBe(200);
      return answer.body.backfill;
    },
    pause: (backfillId: string) => send(pauseBackfill, backfillId, 'pause'),
    resume: (backfillId: string) => send(resumeBackfill, backfillId, 'resume'),
    cancel: (backfillId: string) => send(cancelBackfill, backfillId, 'cancel'),
  };
}

/**
 * Updates random rows until stopped, as an application would: a few rows per transaction, some
 * held open a moment, so the writes and the backfill's locked pages wait on each other.
 */
function startWriter(url: string): { stop(): Promise<number> } {
  const client = new pg.Client({ connectionString: url, application_name: 'backfill-api-test-writer' });
  let stopping = false;
  let updates = 0;
  const loop = (async () => {
    await client.connect();
    while (!stopping) {
      const ids = Array.from({ length: 4 }, () => 1 + Math.floor(Math.random() * ROWS));
      await client.query('BEGIN');
      for (const id of ids) {
        await client.query(
          'UPDATE items SET version = version + 1, label = md5(random()::text) WHERE id = $1',
          [id],
        );
      }
      if (updates % 40 === 0) await client.query('SELECT pg_sleep(0.02)');
      await client.query('COMMIT');
      updates += ids.length;
      await sleep(5);
    }
    await client.end();
  })();
  client.on('error', () => {});
  // Handled here too, so a writer failing before the test stops it is reported by stop().
  loop.catch(() => {});
  const stop = async () => {
    stopping = true;
    await loop;
    return updates;
  };
  // A test that fails early stops it before its database is dropped.
  cleanups.push(() => stop().catch(() => {}));
  return { stop };
}

/** A source with ROWS rows, a sink on it delivering to a recording endpoint, capture and delivery running. */
async function startWorld() {
  const harness = await openApiHarness();
  cleanups.push(() => harness.close());
  const { db } = harness;
  const { sourceDb, sourceId } = await createBackfillSource(
    db,
    `CREATE TABLE items (id int PRIMARY KEY, version int NOT NULL, label text NOT NULL);
     INSERT INTO items SELECT g, 0, 'initial' FROM generate_series(1, ${ROWS}) AS g;
     ANALYZE items;`,
  );
  cleanups.push(() => sourceDb.drop());
  // kinesis-local takes a few hundred records a second: this endpoint keeps them, in arrival order.
  const recording = await startNoopKinesis({ keepRecords: true });
  cleanups.push(() => recording.stop());
  const sink = await createSinkOn(sourceId, [{ name: 'items' }], {
    endpoint: recording.endpoint,
    backoffCapMs: 1_600,
  });

  const log: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void log.push(line.trimEnd()) });
  const engine = await startEngineInProcess({
    db,
    logger,
    capture: { pollIntervalMs: 200, retryDelayMs: 500, backfill: { pageSize: 2_000, pollIntervalMs: 100 } },
    delivery: { sweepIntervalMs: 1_000, initialRetryDelayMs: 200 },
  });
  cleanups.push(() => engine.stop());
  await waitUntilSlotStreamed(sourceDb);
  return { db, sourceDb, sink, recording, log, api: backfillApi(sink.id) };
}

async function storedReads(db: Database, backfillId: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM message WHERE backfill_id = $1',
    [backfillId],
  );
  return rows[0]?.n ?? -1;
}

async function waitAllDelivered(db: Database, sinkId: string, atLeast: number): Promise<number> {
  return waitFor(
    `${atLeast} messages stored and every one delivered`,
    async () => {
      const { rows } = await db.pool.query<{ total: number; waiting: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE state <> 'delivered')::int AS waiting
           FROM message WHERE sink_id = $1`,
        [sinkId],
      );
      const { total = 0, waiting = 1 } = rows[0] ?? {};
      return total >= atLeast && waiting === 0 && total;
    },
    60_000,
    200,
  );
}

describe('a backfill through the API while the table is written to', () => {
  it('reports progress, pauses and resumes, and ends every row with its current state; a cancelled one stores no more', async () => {
    const { db, sourceDb, sink, recording, api } = await startWorld();
    const writer = startWriter(sourceDb.url);
    await sleep(300);

    const started = await api.start();
    const early = await waitFor('some progress', async () => {
      const backfill = await api.get(started.id);
      return backfill.rowsDone >= 10_000 && backfill;
    });
    const later = await waitFor('more progress', async () => {
      const backfill = await api.get(started.id);
      return backfill.rowsDone > early.rowsDone && backfill;
    });
    expect(later.state).toBe('running');
    // From the table's statistics (analyzed, as autovacuum keeps a production table).
    expect(later.rowsTotalEstimate).toBeGreaterThan(ROWS * 0.9);
    expect(later.rowsTotalEstimate).toBeLessThan(ROWS * 1.1);
    expect(later.percent).toBeGreaterThan(0);
    expect(later.percent).toBeLessThan(100);
    expect(later.rowsPerSecond).toBeGreaterThan(0);
    expect(later.secondsLeft).toBeGreaterThan(0);

    // Paused, nothing moves: the page under way is dropped, and what is stored is what it says.
    expect((await api.pause(started.id)).state).toBe('paused');
    await sleep(300);
    const atPause = await api.get(started.id);
    await sleep(1_500);
    const stillPaused = await api.get(started.id);
    expect(stillPaused).toMatchObject({ state: 'paused', rowsDone: atPause.rowsDone, secondsLeft: null });
    expect(stillPaused.rowsDone).toBeLessThan(ROWS);
    expect(await storedReads(db, started.id)).toBe(stillPaused.rowsDone);

    expect((await api.resume(started.id)).state).toBe('running');
    const done = await waitFor(
      'the backfill to finish',
      async () => {
        const backfill = await api.get(started.id);
        return backfill.state === 'done' && backfill;
      },
      // 200,000 rows with a writer on two busy cores: generous, since speed is the benchmark's.
      180_000,
    );
    expect(done).toMatchObject({ rowsDone: ROWS, rowsTotalEstimate: ROWS, percent: 100, secondsLeft: 0 });
    await sleep(300);
    const updates = await writer.stop();
    expect(updates).toBeGreaterThan(100);

    const rows = await sourceDb.query<{ id: number; version: number; label: string }>(
      'SELECT id, version, label FROM items',
    );
    // Every read and every change of the writer stored, then sent.
    await waitAllDelivered(db, sink.id, ROWS + updates);
    const last = new Map<string, { record: { version: number; label: string } }>();
    for (const record of recording.records()) last.set(record.partitionKey, JSON.parse(record.data));
    expect(last.size).toBe(ROWS);
    const stale = rows.rows.filter((row) => {
      const record = last.get(String(row.id))?.record;
      return record?.version !== row.version || record?.label !== row.label;
    });
    expect({ stale: stale.length, examples: stale.slice(0, 3) }).toEqual({ stale: 0, examples: [] });

    // A second backfill, cancelled on its way: after the cancel, not one more row is stored for it.
    const second = await api.start();
    await waitFor('the second backfill to progress', async () => (await api.get(second.id)).rowsDone > 0);
    const cancelled = await api.cancel(second.id);
    expect(cancelled.state).toBe('cancelled');
    await sleep(300);
    const afterCancel = await api.get(second.id);
    expect(afterCancel.rowsDone).toBeLessThan(ROWS);
    await sleep(1_500);
    expect((await api.get(second.id)).rowsDone).toBe(afterCancel.rowsDone);
    expect(await storedReads(db, second.id)).toBe(afterCancel.rowsDone);
  }, 300_000);
});

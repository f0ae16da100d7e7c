import { SecretBox } from '@shardline/core';
import {
  appendMessages,
  applyBulkOperation,
  type BulkOperationInput,
  type BulkOperationRecord,
  claimNextBulkOperation,
  createBulkOperation,
  createDatabase,
  createSink,
  type Database,
  getBulkOperation,
  type IncomingMessage,
  pauseSink,
} from '@shardline/db';
import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BulkOperationRunner, startBulkOperationRunner } from '../src';
import {
  type DeliveryTestContext,
  makeMessages,
  setupDeliveryTest,
  TEST_SECRET_KEY,
  waitFor,
} from './harness';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

let database: TestDatabase;
let db: Database;
let sinkId: string;
const runners: BulkOperationRunner[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
  db = createDatabase({ url: database.url, maxConnections: 6 });
  const sink = await createSink(db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    input: { name: 'bulk', streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/bulk' },
  });
  sinkId = sink.id;
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await db.close();
  await database.drop();
});

function startRunner(options: { staleAfterMs?: number } = {}): BulkOperationRunner {
  const runner = startBulkOperationRunner({ db, logger, pollIntervalMs: 100, ...options });
  runners.push(runner);
  return runner;
}

/** `count` messages, one group each, `audit` rows every third one when asked. */
async function store(count: number, build: (i: number) => Partial<IncomingMessage> = () => ({})) {
  for (let start = 0; start < count; start += 5_000) {
    const messages = Array.from({ length: Math.min(5_000, count - start) }, (_, offset): IncomingMessage => {
      const i = start + offset;
      return {
        commitLsn: BigInt(1_000 + i),
        commitIdx: 0,
        group: `g${i}`,
        tableSchema: 'public',
        tableName: 'orders',
        action: 'insert',
        payload: { id: i },
        ...build(i),
      };
    });
    await appendMessages(db, { sinkId, messages });
  }
}

/** As a failed delivery leaves them: failing, with an error code, next attempt in an hour. */
async function markFailing(where: string, errorCode: string): Promise<void> {
  await db.pool.query(
    `UPDATE message SET state = 'failing', deliver_count = 1, last_error_code = $2, last_error_message = 'it failed',
            last_error_at = now(), next_attempt_at = now() + interval '1 hour'
      WHERE sink_id = $1 AND ${where}`,
    [sinkId, errorCode],
  );
}

/** Makes every chunk take 300 ms, so progress between chunks can be watched reliably. */
async function slowDownChunks(): Promise<void> {
  await db.pool.query(`
    CREATE FUNCTION slow_chunk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NULL; END $$;
    CREATE TRIGGER slow_chunk AFTER UPDATE ON message FOR EACH STATEMENT EXECUTE FUNCTION slow_chunk();`);
}

async function countWhere(where: string): Promise<number> {
  const result = await db.pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM message WHERE sink_id = $1 AND ${where}`,
    [sinkId],
  );
  return Number(result.rows[0]?.count);
}

const operation = (id: string) => getBulkOperation(db, { sinkId, operationId: id });

async function create(input: BulkOperationInput): Promise<BulkOperationRecord> {
  return createBulkOperation(db, { sinkId, input });
}

/** Polls the operation until it is finished, keeping every state seen on the way. */
async function watchUntilFinished(
  id: string,
): Promise<{ final: BulkOperationRecord; seen: BulkOperationRecord[] }> {
  const seen: BulkOperationRecord[] = [];
  const final = await waitFor(
    'the bulk operation to finish',
    async () => {
      const current = await operation(id);
      seen.push(current);
      return current.state === 'done' || current.state === 'failed' ? current : null;
    },
    60_000,
    50,
  );
  return { final, seen };
}

describe('a bulk retry', () => {
  it('runs over several chunks, shows its progress while running, and ends with done equal to total', async () => {
    await store(12_500);
    await markFailing('commit_lsn < 13000', 'ProvisionedThroughputExceededException');
    await markFailing('commit_lsn >= 13000', 'AccessDeniedException');
    await slowDownChunks();

    const queued = await create({
      action: 'retry',
      filter: { errorCode: 'ProvisionedThroughputExceededException' },
    });
    expect(queued).toMatchObject({ state: 'queued', total: 12_000, done: 0, action: 'retry' });
    startRunner();
    const { final, seen } = await watchUntilFinished(queued.id);

    expect(final).toMatchObject({ state: 'done', total: 12_000, done: 12_000, error: null });
    expect(final.startedAt).not.toBeNull();
    expect(final.finishedAt).not.toBeNull();
    // A person watching saw it part-way: running, with a chunk done and more to go.
    expect(seen.some((s) => s.state === 'running' && s.done > 0 && s.done < s.total)).toBe(true);
    expect(
      await countWhere(`state = 'failing' AND next_attempt_trigger = 'manual' AND next_attempt_at <= now()`),
    ).toBe(12_000);
    // The filter held: the other error code still waits for its scheduled attempt.
    expect(
      await countWhere(`last_error_code = 'AccessDeniedException' AND next_attempt_trigger = 'scheduled'`),
    ).toBe(500);
  });
});

describe('a bulk discard', () => {
  it('discards only the state and table asked for, with who and why, across chunks', async () => {
    await store(15_000, (i) => ({ tableName: i % 5 === 0 ? 'orders' : 'audit' }));
    await markFailing('commit_lsn % 10 = 1', 'InternalFailure');
    const pendingAudit = await countWhere(`table_name = 'audit' AND state = 'pending'`);
    expect(pendingAudit).toBeGreaterThan(10_000);

    const queued = await create({
      action: 'discard',
      state: 'pending',
      filter: { table: 'public.audit' },
      reason: 'audit rows are not needed downstream',
    });
    expect(queued.total).toBe(pendingAudit);
    startRunner();
    const { final } = await watchUntilFinished(queued.id);

    expect(final).toMatchObject({ state: 'done', done: pendingAudit, total: pendingAudit });
    expect(await countWhere(`state = 'discarded'`)).toBe(pendingAudit);
    expect(
      await countWhere(
        `state = 'discarded' AND discarded_by = 'console' AND discard_reason = 'audit rows are not needed downstream'`,
      ),
    ).toBe(pendingAudit);
    // Failing audit rows and every orders row are untouched.
    expect(await countWhere(`table_name = 'audit' AND state = 'failing'`)).toBeGreaterThan(0);
    expect(await countWhere(`table_name = 'orders' AND state <> 'discarded'`)).toBe(3_000);
  });

  it('reports fewer done than matched when messages were delivered before it reached them', async () => {
    await store(100);
    const queued = await create({ action: 'discard', filter: {} });
    expect(queued.total).toBe(100);
    await db.pool.query(
      `UPDATE message SET state = 'delivered', delivered_at = now(), shard_id = 's', sequence_number = '1'
        WHERE sink_id = $1 AND commit_lsn < 1010`,
      [sinkId],
    );
    startRunner();
    const { final } = await watchUntilFinished(queued.id);
    expect(final).toMatchObject({ state: 'done', total: 100, done: 90 });
    expect(await countWhere(`state = 'delivered'`)).toBe(10);
  });
});

describe('an operation whose engine died', () => {
  it('is taken over once its heartbeat is stale and finished from where it stopped', async () => {
    await store(12_000);
    await markFailing('true', 'InternalFailure');
    const queued = await create({ action: 'retry', filter: {} });

    // An engine claims it, does one chunk, and dies without a word.
    const dead = await claimNextBulkOperation(db);
    expect(dead?.id).toBe(queued.id);
    if (!dead) throw new Error('unreachable');
    expect(await applyBulkOperation(db, dead, { shouldStop: () => true })).toBe('stopped');
    const afterDeath = await operation(queued.id);
    expect(afterDeath).toMatchObject({ state: 'running', done: 5_000 });

    // While its heartbeat is recent, nobody else may take it.
    expect(await claimNextBulkOperation(db)).toBeNull();
    await db.pool.query(
      `UPDATE bulk_operation SET heartbeat_at = now() - interval '1 minute' WHERE id = $1`,
      [queued.id],
    );

    startRunner();
    const { final } = await watchUntilFinished(queued.id);
    // Carried on after the first chunk: a restart from the beginning would count 17,000.
    expect(final).toMatchObject({ state: 'done', done: 12_000, total: 12_000 });
    expect(final.startedAt).toEqual(afterDeath.startedAt);
    expect(await countWhere(`next_attempt_trigger = 'manual'`)).toBe(12_000);
  });

  it('is handed back to the queue by an engine that stops, and another one finishes it', async () => {
    await store(12_000);
    await slowDownChunks();
    const queued = await create({ action: 'discard', filter: {}, reason: 'replaying from scratch' });
    const first = startRunner();
    await waitFor('the first chunk', async () => (await operation(queued.id)).done > 0, 30_000, 20);
    await first.stop();
    const handedBack = await operation(queued.id);
    expect(handedBack.state).toBe('queued');
    expect(handedBack.done).toBeGreaterThan(0);
    expect(handedBack.done).toBeLessThan(12_000);
    expect(await countWhere(`state = 'discarded'`)).toBe(handedBack.done);

    startRunner();
    const { final } = await watchUntilFinished(queued.id);
    expect(final).toMatchObject({ state: 'done', done: 12_000 });
  });
});

describe('an operation that fails', () => {
  it('records the error for the person who started it and keeps the chunks done before', async () => {
    await store(12_000);
    // The database refuses the second chunk, as it would when a disk fills up.
    await db.pool.query(`
      CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$;
      CREATE TRIGGER refuse_update BEFORE UPDATE ON message FOR EACH ROW
        WHEN (OLD.commit_lsn >= 6000) EXECUTE FUNCTION refuse_update();`);
    const queued = await create({ action: 'discard', filter: {} });
    startRunner();
    const { final } = await watchUntilFinished(queued.id);

    expect(final.state).toBe('failed');
    expect(final.error).toMatch(/No space left on device/);
    expect(final.finishedAt).not.toBeNull();
    expect(final.done).toBe(5_000);
    expect(await countWhere(`state = 'discarded'`)).toBe(5_000);
  });
});

describe('the delivery engine', () => {
  let ctx: DeliveryTestContext | undefined;
  afterEach(async () => {
    await ctx?.cleanup();
    ctx = undefined;
  });

  it('runs the bulk operations queued from the console', async () => {
    ctx = await setupDeliveryTest();
    // Paused, so the messages wait and the discard has something to do.
    await pauseSink(ctx.db, { sinkId: ctx.sink.id, by: 'ops' });
    await ctx.append(makeMessages(40, 4));
    const queued = await createBulkOperation(ctx.db, {
      sinkId: ctx.sink.id,
      input: { action: 'discard', filter: { group: 'order-1' } },
    });
    expect(queued.total).toBe(10);
    await ctx.startEngine();
    const context = ctx;
    const final = await waitFor(
      'the engine to run the bulk operation',
      async () => {
        const current = await getBulkOperation(context.db, {
          sinkId: context.sink.id,
          operationId: queued.id,
        });
        return current.state === 'done' ? current : null;
      },
      30_000,
    );
    expect(final.done).toBe(10);
    const states = await ctx.state();
    expect(states.filter((m) => m.state === 'discarded').map((m) => m.group)).toEqual(
      Array(10).fill('order-1'),
    );
  });
});

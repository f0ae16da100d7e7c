import { type NoopKinesis, type StreamRecord, startNoopKinesis } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CaptureTestContext,
  setupCaptureTest,
  TEST_SECRET_KEY,
} from '../../../packages/capture/test/harness';
import { EngineProcess, engineEnv } from './engine-process';

let ctx: CaptureTestContext;
let recorder: NoopKinesis | undefined;
const engines: EngineProcess[] = [];
afterEach(async () => {
  await Promise.all(engines.map((engine) => engine.kill()));
  engines.length = 0;
  await ctx?.cleanup();
  await recorder?.stop();
  recorder = undefined;
});

function spawnEngine(): EngineProcess {
  const engine = new EngineProcess({
    ...engineEnv({
      databaseUrl: ctx.databaseUrl,
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: ctx.queuePrefix,
      secretKey: TEST_SECRET_KEY,
    }),
    SHARDLINE_CAPTURE_POLL_MS: '200',
    // kinesis-local needs seconds for a few full requests; shorter timeouts only cause resends.
    SHARDLINE_LEASE_MS: '15000',
    SHARDLINE_LOCK_DURATION_MS: '15000',
    SHARDLINE_REQUEST_TIMEOUT_MS: '10000',
    SHARDLINE_CONCURRENCY: '4',
  });
  engines.push(engine);
  return engine;
}

async function storedCount(): Promise<{ total: number; distinct: number }> {
  const result = await ctx.db.pool.query<{ total: string; distinct: string }>(
    `SELECT count(*) AS total, count(DISTINCT (commit_lsn, commit_idx)) AS distinct FROM message WHERE sink_id = $1`,
    [ctx.sinks[0]?.sink.id],
  );
  return { total: Number(result.rows[0]?.total), distinct: Number(result.rows[0]?.distinct) };
}

async function waitUntil(
  description: string,
  probe: () => Promise<boolean>,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Per group, positions never go backwards (a repeat of the latest one is allowed). */
function expectOrderPerGroup(records: Array<Pick<StreamRecord, 'partitionKey' | 'data'>>): void {
  const last = new Map<string, bigint>();
  for (const record of records) {
    const { commit_lsn, commit_idx } = JSON.parse(record.data).metadata;
    const position = (BigInt(commit_lsn) << 20n) + BigInt(commit_idx);
    const previous = last.get(record.partitionKey);
    if (previous !== undefined && position < previous) {
      throw new Error(
        `group ${record.partitionKey}: ${commit_lsn}:${commit_idx} arrived after a later change`,
      );
    }
    last.set(record.partitionKey, position);
  }
}

const TABLE = 'CREATE TABLE items (id int PRIMARY KEY, version int NOT NULL, body text NOT NULL)';

describe('change capture across engine crashes', () => {
  it('stores each change of a 50,000-change load exactly once and delivers all in order, though the engine was killed mid-load', async () => {
    // 50,000 records are more than kinesis-local can take in a test's time (it slows to a few
    // dozen records a second as it fills), so this sink sends to a recording Kinesis endpoint.
    const recording = await startNoopKinesis({ keepRecords: true });
    recorder = recording;
    ctx = await setupCaptureTest({
      schemaSql: TABLE,
      sinks: [{ tables: [{ name: 'items' }] }],
      endpoint: recording.endpoint,
    });
    const first = spawnEngine();
    await first.start();
    await waitUntil('the reader to start', async () =>
      first.output.some((line) => line.includes('reading changes')),
    );

    // 5,000 rows, then 45 transactions each updating 1,000 of them: 50,000 changes, 10 per row.
    const load = (async () => {
      await ctx.sql(`INSERT INTO items SELECT g, 0, repeat('b', 100) FROM generate_series(1, 5000) AS g`);
      for (let round = 1; round <= 45; round++) {
        const from = ((round - 1) % 5) * 1000 + 1;
        await ctx.sql(`UPDATE items SET version = version + 1 WHERE id BETWEEN $1 AND $2`, [
          from,
          from + 999,
        ]);
      }
    })();
    await waitUntil('part of the load stored', async () => (await storedCount()).total >= 8_000);
    await first.kill();
    await load;

    const second = spawnEngine();
    await second.start();
    await waitUntil('every change stored', async () => (await storedCount()).total >= 50_000, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await storedCount()).toEqual({ total: 50_000, distinct: 50_000 });

    await waitUntil('every change delivered', async () => {
      const result = await ctx.db.pool.query(`SELECT 1 FROM message WHERE state <> 'delivered' LIMIT 1`);
      return result.rowCount === 0;
    });
    const records = recording.records();
    expect(new Set(records.map((r) => JSON.parse(r.data).metadata.idempotency_key)).size).toBe(50_000);
    expectOrderPerGroup(records);
  }, 400_000);

  it('lets only one of two engines read a source, and the other take over when it dies, losing nothing', async () => {
    ctx = await setupCaptureTest({ schemaSql: TABLE, sinks: [{ tables: [{ name: 'items' }] }] });
    const [a, b] = [spawnEngine(), spawnEngine()];
    await Promise.all([a.start(), b.start()]);
    const readers = () =>
      [a, b].filter((engine) => engine.output.some((line) => line.includes('reading changes')));
    await waitUntil('a reader to start', async () => readers().length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(readers()).toHaveLength(1);
    // Replication connections to this test's source database (other tests' run beside it).
    const walsenders = await ctx.sql<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE backend_type = 'walsender' AND datname = current_database() AND application_name LIKE 'shardline-reader %'`,
    );
    expect(Number(walsenders[0]?.n)).toBe(1);

    await ctx.sql(`INSERT INTO items SELECT g, 0, 'x' FROM generate_series(1, 1000) AS g`);
    await waitUntil('first batch stored', async () => (await storedCount()).total >= 1_000);
    const [holder] = readers();
    const survivor = holder === a ? b : a;
    await holder?.kill();
    const killedAt = Date.now();
    await ctx.sql(`INSERT INTO items SELECT g, 0, 'y' FROM generate_series(1001, 2000) AS g`);
    await waitUntil('the other engine to take over', async () =>
      survivor.output.some((line) => line.includes('reading changes')),
    );
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    await waitUntil('everything stored', async () => (await storedCount()).total >= 2_000);
    expect(await storedCount()).toEqual({ total: 2_000, distinct: 2_000 });
  }, 200_000);
});

import { SecretBox } from '@shardline/core';
import { createDatabase, type Database } from '@shardline/db';
import {
  createSourceDatabase,
  createTestDatabase,
  deleteRedisKeys,
  type FaultProxy,
  readAllRecords,
  redisUrl,
  type SourceDatabase,
  startFaultProxy,
  type TestDatabase,
  testQueuePrefix,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProcess, engineEnv } from '../../../apps/engine/test/engine-process';
import {
  DEMO_SINK_NAME,
  DEMO_SOURCE_NAME,
  ensureDemoDatabase,
  insertOversizeOrder,
  OVERSIZE_ORDER_ID,
  type RunningDemo,
  setupDemo,
  startDemo,
} from '../src';

const SECRET_KEY = 'd'.repeat(64);
const WAIT_MS = 60_000;

let shardline: TestDatabase;
let db: Database;
// The demo's source database: a name of its own, so its slot (server-wide) is this test's.
let demoSource: SourceDatabase;
let engine: EngineProcess;
let proxy: FaultProxy;
let demo: RunningDemo | undefined;
const queuePrefix = testQueuePrefix();
const secretBox = new SecretBox(SECRET_KEY);

beforeAll(async () => {
  shardline = await createTestDatabase();
  db = createDatabase({ url: shardline.url, maxConnections: 4 });
  demoSource = await createSourceDatabase();
  proxy = await startFaultProxy({ target: kinesisEndpoint() });
  engine = new EngineProcess({
    ...engineEnv({ databaseUrl: shardline.url, redisUrl: redisUrl(), queuePrefix, secretKey: SECRET_KEY }),
    SHARDLINE_CAPTURE: 'true',
    SHARDLINE_CAPTURE_POLL_MS: '200',
    SHARDLINE_REQUEST_TIMEOUT_MS: '5000',
    SHARDLINE_LEASE_MS: '15000',
    SHARDLINE_LOCK_DURATION_MS: '15000',
  });
  await engine.start();
});

afterAll(async () => {
  await demo?.stop();
  await engine?.stop();
  await proxy?.stop();
  await db?.close();
  await Promise.all([demoSource?.drop(), shardline?.drop(), deleteRedisKeys(queuePrefix)]);
});

async function messages(): Promise<Array<{ group_key: string; state: string; code: string | null }>> {
  const { rows } = await db.pool.query(
    `SELECT m.group_key, m.state, m.last_error_code AS code
       FROM message m JOIN sink s ON s.id = m.sink_id WHERE s.name = $1`,
    [DEMO_SINK_NAME],
  );
  return rows;
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the demo of npm start', () => {
  it('sends a trickle of orders to a local stream, and the one oversize order fails with RecordTooLarge', async () => {
    demo = await startDemo(db, {
      secretBox,
      demoDatabaseUrl: demoSource.url,
      kinesisEndpoint: kinesisEndpoint(),
      trickleIntervalMs: 200,
      onTrickleError: (error) => {
        throw error;
      },
    });
    expect(demo.setup.created.sort()).toEqual(['sink', 'source', 'stream']);
    expect(demo.oversizeInserted).toBe(true);

    const seen = await eventually(messages, (rows) => {
      const delivered = rows.filter((row) => row.state === 'delivered').length;
      return delivered >= 10 && rows.some((row) => row.code === 'RecordTooLarge');
    });
    expect(seen.filter((row) => row.state === 'delivered').length).toBeGreaterThanOrEqual(10);
    const oversize = seen.filter((row) => row.group_key === String(OVERSIZE_ORDER_ID));
    expect(oversize).toEqual([
      { group_key: String(OVERSIZE_ORDER_ID), state: 'failing', code: 'RecordTooLarge' },
    ]);
    expect(demo.trickle.commits).toBeGreaterThan(0);

    // What was delivered is in the stream: orders, keyed by their id, never the oversize one.
    const records = await readAllRecords(kinesisEndpoint(), demo.setup.streamArn);
    expect(records.length).toBeGreaterThanOrEqual(10);
    const payloads = records.map((record) => ({
      key: record.partitionKey,
      payload: JSON.parse(record.data),
    }));
    for (const { key, payload } of payloads) {
      expect(payload.metadata.table_name).toBe('orders');
      expect(String(payload.record.id)).toBe(key);
    }
    expect(payloads.map(({ key }) => key)).not.toContain(String(OVERSIZE_ORDER_ID));
    const actions = new Set(payloads.map(({ payload }) => payload.action));
    expect(actions).toContain('insert');
    expect(actions).toContain('update');
  });

  it('creates nothing twice when npm start runs again, and follows the emulator to another port', async () => {
    const demoDatabaseUrl = demo?.demoDatabaseUrl ?? '';
    expect(await ensureDemoDatabase(demoDatabaseUrl)).toEqual({ created: false });
    const again = await setupDemo(db, { secretBox, demoDatabaseUrl, kinesisEndpoint: kinesisEndpoint() });
    expect(again.created).toEqual([]);
    expect(again.sinkId).toBe(demo?.setup.sinkId);
    expect(await insertOversizeOrder(demoDatabaseUrl)).toBe(false);

    // The emulator on another port (another SHARDLINE_DEMO_KINESIS_PORT): the same sink, moved.
    const moved = await setupDemo(db, { secretBox, demoDatabaseUrl, kinesisEndpoint: proxy.endpoint });
    expect(moved.created).toEqual([]);
    const sinks = await db.prisma.sink.findMany({ select: { name: true, endpoint: true } });
    expect(sinks).toEqual([{ name: DEMO_SINK_NAME, endpoint: proxy.endpoint }]);
    expect(await db.prisma.source.count({ where: { name: DEMO_SOURCE_NAME } })).toBe(1);
    const { rows } = await demoSource.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM orders WHERE id = $1',
      [OVERSIZE_ORDER_ID],
    );
    expect(rows[0]?.count).toBe(1);
  });

  it('follows its source database when the server it is on moves (a new port or password)', async () => {
    const demoDatabaseUrl = demo?.demoDatabaseUrl ?? '';
    const source = () =>
      db.prisma.source.findUniqueOrThrow({
        where: { name: DEMO_SOURCE_NAME },
        select: { id: true, port: true, passwordCiphertext: true },
      });
    const before = await source();
    // The shared server trusts every local connection: a password changes nothing for the engine.
    const withPassword = new URL(demoDatabaseUrl);
    withPassword.password = 'moved-server';
    const moved = await setupDemo(db, {
      secretBox,
      demoDatabaseUrl: withPassword.toString(),
      kinesisEndpoint: proxy.endpoint,
    });
    expect(moved.sourceId).toBe(before.id);
    const after = await source();
    expect(secretBox.decrypt(after.passwordCiphertext ?? '')).toBe('moved-server');
    const updates = await db.prisma.auditEvent.count({
      where: { action: 'source.update', targetId: before.id },
    });
    expect(updates).toBe(1);

    // Back as it was: the password goes, and an unchanged server changes nothing.
    await setupDemo(db, { secretBox, demoDatabaseUrl, kinesisEndpoint: proxy.endpoint });
    await setupDemo(db, { secretBox, demoDatabaseUrl, kinesisEndpoint: proxy.endpoint });
    expect((await source()).passwordCiphertext).toBeNull();
    expect(
      await db.prisma.auditEvent.count({ where: { action: 'source.update', targetId: before.id } }),
    ).toBe(2);
  });
});

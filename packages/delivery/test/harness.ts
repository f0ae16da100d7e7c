import { SecretBox } from '@shardline/core';
import {
  appendMessages,
  type CreateSinkInput,
  createDatabase,
  createSink,
  type Database,
  type IncomingMessage,
  type PublicSink,
} from '@shardline/db';
import {
  createTestDatabase,
  createTestStream,
  type FaultProxy,
  readAllRecords,
  redisUrl,
  type StreamRecord,
  startFaultProxy,
  testQueuePrefix,
  waitFor,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import pino from 'pino';
import { type DeliveryEngine, type DeliveryEngineOptions, startDeliveryEngine } from '../src';

export const TEST_SECRET_KEY = 'b'.repeat(64);

/** Engine settings that make crashes, retries and sweeps play out in seconds, not minutes. */
export const FAST_ENGINE_SETTINGS = {
  concurrency: 8,
  leaseMs: 4_000,
  lockDurationMs: 4_000,
  requestTimeoutMs: 2_000,
  sweepIntervalMs: 1_000,
  initialRetryDelayMs: 200,
  runBudgetMs: 500,
} satisfies Partial<DeliveryEngineOptions>;

export interface DeliveryTestContext {
  db: Database;
  databaseUrl: string;
  sink: PublicSink;
  streamArn: string;
  queuePrefix: string;
  redisUrl: string;
  /** The fault-injecting proxy between engine and stream, when asked for. */
  proxy: FaultProxy;
  startEngine(overrides?: Partial<DeliveryEngineOptions>): Promise<DeliveryEngine>;
  append(messages: IncomingMessage[]): Promise<void>;
  readStream(expectCount?: number): Promise<StreamRecord[]>;
  waitUntilAllDelivered(timeoutMs?: number): Promise<void>;
  state(): Promise<
    Array<{ id: bigint; group: string; state: string; deliverCount: number; lsn: bigint; idx: number }>
  >;
  cleanup(): Promise<void>;
}

/**
 * A fresh database, stream, sink and queue prefix for one test, so tests never see each
 * other's data. `withProxy` puts a fault-injecting proxy between engine and stream;
 * `endpoint` points the sink somewhere else entirely.
 */
export async function setupDeliveryTest(
  options: {
    withProxy?: boolean;
    endpoint?: string;
    sink?: Partial<CreateSinkInput>;
    shardCount?: number;
    redisUrl?: string;
  } = {},
): Promise<DeliveryTestContext> {
  const proxy = options.withProxy ? await startFaultProxy({ target: kinesisEndpoint() }) : null;
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 12 });
  const stream = await createTestStream(kinesisEndpoint(), { shardCount: options.shardCount ?? 2 });
  const sink = await createSink(db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    input: {
      name: 'test-sink',
      streamArn: stream.streamArn,
      endpoint: proxy?.endpoint ?? options.endpoint ?? kinesisEndpoint(),
      accessKeyId: 'test',
      secretAccessKey: 'test',
      backoffCapMs: 1_600,
      ...options.sink,
    },
  });
  const queuePrefix = testQueuePrefix();
  const redis = options.redisUrl ?? redisUrl();
  const engines: DeliveryEngine[] = [];
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

  const state: DeliveryTestContext['state'] = async () => {
    const result = await db.pool.query<{
      id: string;
      group_key: string;
      state: string;
      deliver_count: number;
      commit_lsn: string;
      commit_idx: number;
    }>(
      'SELECT id, group_key, state, deliver_count, commit_lsn, commit_idx FROM message WHERE sink_id = $1 ORDER BY commit_lsn, commit_idx',
      [sink.id],
    );
    return result.rows.map((row) => ({
      id: BigInt(row.id),
      group: row.group_key,
      state: row.state,
      deliverCount: row.deliver_count,
      lsn: BigInt(row.commit_lsn),
      idx: row.commit_idx,
    }));
  };

  return {
    db,
    databaseUrl: database.url,
    sink,
    streamArn: stream.streamArn,
    queuePrefix,
    redisUrl: redis,
    get proxy() {
      if (!proxy) throw new Error('this test was set up without a fault proxy (withProxy: true)');
      return proxy;
    },
    async startEngine(overrides = {}) {
      const engine = await startDeliveryEngine({
        db,
        databaseUrl: database.url,
        redisUrl: redis,
        queuePrefix,
        secretBox: new SecretBox(TEST_SECRET_KEY),
        logger,
        ...FAST_ENGINE_SETTINGS,
        ...overrides,
      });
      engines.push(engine);
      return engine;
    },
    async append(messages) {
      await appendMessages(db, { sinkId: sink.id, messages });
    },
    readStream: (expectCount) =>
      readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount, timeoutMs: 30_000 }),
    state,
    async waitUntilAllDelivered(timeoutMs = 60_000) {
      await waitFor(
        'every message delivered',
        async () => (await state()).every((m) => m.state === 'delivered'),
        timeoutMs,
      );
    },
    async cleanup() {
      await Promise.all(engines.map((engine) => engine.stop()));
      await db.close();
      await database.drop();
      await proxy?.stop();
    },
  };
}

/**
 * `count` changes spread over `groups` groups, in commit order: each commit holds a few
 * changes, so positions are (lsn, idx) pairs as a real source gives them.
 */
export function makeMessages(
  count: number,
  groups: number,
  options: { firstLsn?: number; perCommit?: number } = {},
) {
  const perCommit = options.perCommit ?? 4;
  const firstLsn = options.firstLsn ?? 1_000;
  return Array.from({ length: count }, (_, i): IncomingMessage => {
    const commitLsn = BigInt(firstLsn + Math.floor(i / perCommit) * 100);
    const commitIdx = i % perCommit;
    const group = `order-${i % groups}`;
    return {
      commitLsn,
      commitIdx,
      group,
      tableSchema: 'public',
      tableName: 'orders',
      action: 'update',
      payload: {
        record: { id: group, seq: i, status: `status-${i}` },
        changes: { status: `status-${i - 1}` },
        action: 'update',
        metadata: {
          table_schema: 'public',
          table_name: 'orders',
          commit_lsn: Number(commitLsn),
          commit_idx: commitIdx,
        },
      },
    };
  });
}

/** Position of a delivered record, read back from its payload. */
export function positionOf(record: StreamRecord): [number, number] {
  const payload = JSON.parse(record.data) as { metadata: { commit_lsn: number; commit_idx: number } };
  return [payload.metadata.commit_lsn, payload.metadata.commit_idx];
}

/** Fails the test when any group's records reached the stream out of commit order. */
export function expectCommitOrderPerGroup(records: StreamRecord[]): void {
  const last = new Map<string, [number, number]>();
  for (const record of records) {
    const position = positionOf(record);
    const previous = last.get(record.partitionKey);
    if (
      previous &&
      (position[0] < previous[0] || (position[0] === previous[0] && position[1] <= previous[1]))
    ) {
      throw new Error(
        `group ${record.partitionKey}: position ${position.join(':')} arrived after ${previous.join(':')} (out of order or repeated)`,
      );
    }
    last.set(record.partitionKey, position);
  }
}

/**
 * Per group, the stream must hold every position in commit order; a position may appear
 * again only right where it was (a request in flight at a crash or outage, sent again).
 * Returns how many records are such repeats.
 */
export function expectOrderWithRepeatsOfInFlight(records: StreamRecord[]): number {
  const last = new Map<string, [number, number]>();
  let repeats = 0;
  for (const record of records) {
    const position = positionOf(record);
    const previous = last.get(record.partitionKey);
    if (previous && position[0] === previous[0] && position[1] === previous[1]) {
      repeats++;
      continue;
    }
    if (
      previous &&
      (position[0] < previous[0] || (position[0] === previous[0] && position[1] < previous[1]))
    ) {
      throw new Error(
        `group ${record.partitionKey}: ${position.join(':')} arrived after ${previous.join(':')}`,
      );
    }
    last.set(record.partitionKey, position);
  }
  return repeats;
}

export { waitFor };

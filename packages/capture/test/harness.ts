import { randomBytes } from 'node:crypto';
import { SecretBox } from '@shardline/core';
import {
  createDatabase,
  createSink,
  createSource,
  type Database,
  listSourceEvents,
  type PublicSink,
  type PublicSource,
  type SinkTableInput,
} from '@shardline/db';
import { type DeliveryEngine, type DeliveryEngineOptions, startDeliveryEngine } from '@shardline/delivery';
import {
  createSourceDatabase,
  createTestDatabase,
  createTestStream,
  type FaultProxy,
  readAllRecords,
  redisUrl,
  type SourceDatabase,
  type StreamRecord,
  startFaultProxy,
  testQueuePrefix,
  waitUntilSlotStreamed,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import pino from 'pino';
import { type CaptureSupervisorOptions, startCaptureSupervisor } from '../src';

export const TEST_SECRET_KEY = 'e'.repeat(64);
const RECENT_LOG_LINES = 400;

export interface CaptureTestSink {
  sink: PublicSink;
  streamArn: string;
  readStream(expectCount?: number, timeoutMs?: number): Promise<StreamRecord[]>;
}

export interface CaptureTestContext {
  db: Database;
  databaseUrl: string;
  source: PublicSource;
  /** Runs SQL on the source database. */
  sql<T extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<T[]>;
  sourceUrl: string;
  sinks: CaptureTestSink[];
  proxy: FaultProxy;
  queuePrefix: string;
  startCapture(overrides?: Partial<CaptureSupervisorOptions>): { stop(): Promise<void> };
  startDelivery(overrides?: Partial<DeliveryEngineOptions>): Promise<DeliveryEngine>;
  /** Stored messages of a sink, payloads parsed, in position order. */
  stored(sinkIndex?: number): Promise<Array<{ group: string; state: string; payload: StoredPayload }>>;
  waitForStored(count: number, sinkIndex?: number, timeoutMs?: number): Promise<void>;
  /**
   * Waits until the source's slot is being streamed: only changes committed after the slot was
   * created are captured, so a test writes after this.
   */
  waitUntilReading(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface StoredPayload {
  record: Record<string, unknown>;
  changes: Record<string, unknown> | null;
  action: string;
  metadata: Record<string, unknown> & { commit_lsn: number; commit_idx: number; table_name: string };
}

/**
 * A source database with `schemaSql` applied, a Shardline database, and one stream and sink
 * per entry of `sinks`, all of this test's own. Capture and delivery are started by the test.
 */
export async function setupCaptureTest(options: {
  schemaSql: string;
  sinks: Array<{ tables: SinkTableInput[] }>;
  withProxy?: boolean;
  /** Where the sinks send, instead of the shared emulator. */
  endpoint?: string;
  /** The sinks' AWS secret access key (the emulator takes any). */
  sinkSecretAccessKey?: string;
  /**
   * Read the source as a role of its own with this password (owner of the tables, with
   * REPLICATION), instead of as the server's superuser without one.
   */
  sourcePassword?: string;
}): Promise<CaptureTestContext> {
  const sourceDb = await createSourceDatabase();
  await sourceDb.query(options.schemaSql);
  const sourceUrl = options.sourcePassword
    ? await ownerRoleUrl(sourceDb, options.sourcePassword)
    : sourceDb.url;
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 12 });
  const secretBox = new SecretBox(TEST_SECRET_KEY);
  const proxy = options.withProxy ? await startFaultProxy({ target: kinesisEndpoint() }) : null;
  const source = await createSource(db, {
    secretBox,
    input: { name: `src_${randomBytes(4).toString('hex')}`, url: sourceUrl },
  });
  const sinks: CaptureTestSink[] = [];
  for (const [index, sinkOptions] of options.sinks.entries()) {
    const stream = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
    const sink = await createSink(db, {
      secretBox,
      input: {
        name: `sink-${index}`,
        streamArn: stream.streamArn,
        endpoint: proxy?.endpoint ?? options.endpoint ?? kinesisEndpoint(),
        accessKeyId: 'test',
        secretAccessKey: options.sinkSecretAccessKey ?? 'test',
        backoffCapMs: 1_600,
        sourceId: source.id,
        tables: sinkOptions.tables,
      },
    });
    sinks.push({
      sink,
      streamArn: stream.streamArn,
      readStream: (expectCount, timeoutMs = 60_000) =>
        readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount, timeoutMs }),
    });
  }
  // The engine's log is kept (its last lines) to be shown when a wait times out; TEST_LOG_LEVEL
  // prints it instead.
  const recentLog: string[] = [];
  const remember = (line: string) => {
    recentLog.push(line);
    if (recentLog.length > RECENT_LOG_LINES) recentLog.shift();
  };
  const logger = process.env.TEST_LOG_LEVEL
    ? pino({ level: process.env.TEST_LOG_LEVEL })
    : pino(
        { level: 'debug' },
        {
          write(line: string) {
            remember(line.trimEnd());
          },
        },
      );
  const queuePrefix = testQueuePrefix();
  const stoppers: Array<() => Promise<void>> = [];

  const stored: CaptureTestContext['stored'] = async (sinkIndex = 0) => {
    const result = await db.pool.query<{ group_key: string; state: string; payload: string }>(
      'SELECT group_key, state, payload::text AS payload FROM message WHERE sink_id = $1 ORDER BY commit_lsn, commit_idx',
      [sinks[sinkIndex]?.sink.id],
    );
    return result.rows.map((row) => ({
      group: row.group_key,
      state: row.state,
      payload: JSON.parse(row.payload),
    }));
  };

  return {
    db,
    databaseUrl: database.url,
    source,
    sourceUrl: sourceDb.url,
    sql: async <T>(text: string, params?: unknown[]) => {
      const rows = (await sourceDb.query(text, params)).rows as T[];
      // Where the test's writes ended in the WAL, beside the reader's log, for a change that seems missing.
      const wal = await sourceDb.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
      remember(
        JSON.stringify({
          time: Date.now(),
          msg: 'test wrote',
          sql: text.slice(0, 80),
          walAfter: wal.rows[0]?.lsn,
        }),
      );
      return rows;
    },
    sinks,
    get proxy() {
      if (!proxy) throw new Error('set up without a fault proxy (withProxy: true)');
      return proxy;
    },
    queuePrefix,
    startCapture(overrides = {}) {
      const supervisor = startCaptureSupervisor({
        db,
        databaseUrl: database.url,
        secretBox,
        logger,
        pollIntervalMs: 200,
        retryDelayMs: 500,
        ...overrides,
      });
      stoppers.push(() => supervisor.stop());
      return supervisor;
    },
    async startDelivery(overrides = {}) {
      const engine = await startDeliveryEngine({
        db,
        databaseUrl: database.url,
        redisUrl: redisUrl(),
        queuePrefix,
        secretBox,
        logger,
        concurrency: 4,
        // kinesis-local takes seconds for a few full requests at once: a short timeout would
        // only make it resend what the emulator is still storing.
        leaseMs: 15_000,
        lockDurationMs: 15_000,
        requestTimeoutMs: 10_000,
        sweepIntervalMs: 1_000,
        initialRetryDelayMs: 200,
        ...overrides,
      });
      stoppers.push(() => engine.stop());
      return engine;
    },
    stored,
    async waitForStored(count, sinkIndex = 0, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const have = (await stored(sinkIndex)).length;
        if (have >= count) return;
        if (Date.now() > deadline) {
          // What the source recorded is usually why: say it in the failure.
          const events = await listSourceEvents(db, { sourceId: source.id });
          const said = events.map((event) => `${event.level}: ${event.message}`).join('\n');
          const slots = await sourceDb.query(
            `SELECT slot_name, active, active_pid, confirmed_flush_lsn::text, pg_current_wal_lsn()::text AS wal_now
               FROM pg_replication_slots WHERE database = current_database()`,
          );
          const published = await sourceDb.query(
            'SELECT pubname, schemaname, tablename FROM pg_publication_tables ORDER BY 1, 2, 3',
          );
          throw new Error(
            `timed out waiting for ${count} stored messages (have ${have}); source events:\n${said}\n` +
              `slots: ${JSON.stringify(slots.rows)}\npublished: ${JSON.stringify(published.rows)}\n` +
              `last log lines:\n${recentLog.join('\n')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    waitUntilReading: () => waitUntilSlotStreamed(sourceDb),
    async cleanup() {
      for (const stop of stoppers.reverse()) await stop();
      await db.close();
      await database.drop();
      await sourceDb.drop();
      await proxy?.stop();
    },
  };
}

/**
 * The URL of a login role with `password` that may do what Shardline does on a source: it has
 * REPLICATION, may create the publication (CREATE on the database) and owns the tables.
 */
async function ownerRoleUrl(sourceDb: SourceDatabase, password: string): Promise<string> {
  const role = await sourceDb.createRole({ replication: true, password });
  await sourceDb.query(`GRANT CREATE ON DATABASE "${sourceDb.name}" TO "${role.name}"`);
  const { rows } = await sourceDb.query<{ name: string }>(
    "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public'",
  );
  for (const table of rows) await sourceDb.query(`ALTER TABLE ${table.name} OWNER TO "${role.name}"`);
  return role.url;
}

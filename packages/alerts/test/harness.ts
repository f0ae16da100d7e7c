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
import { type DeliveryEngine, startDeliveryEngine } from '@shardline/delivery';
import {
  createTestDatabase,
  createTestStream,
  type FaultProxy,
  redisUrl,
  startFaultProxy,
  testQueuePrefix,
  type WebhookReceiver,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import pino, { type Logger } from 'pino';
import { type AlertEvaluatorOptions, AlertWebhook, evaluateAlerts } from '../src';

export const TEST_SECRET_KEY = 'd'.repeat(64);
export const secretBox = new SecretBox(TEST_SECRET_KEY);

/** What a logger wrote, parsed: the log lines a test looks for. */
export class CapturedLog {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly logger: Logger = pino(
    { level: 'debug' },
    { write: (line: string) => void this.lines.push(JSON.parse(line) as Record<string, unknown>) },
  );

  /** Lines with this message at warn level (40). */
  warnings(msg: string): Array<Record<string, unknown>> {
    return this.lines.filter((line) => line.msg === msg && line.level === 40);
  }
}

export interface AlertTestContext {
  db: Database;
  databaseUrl: string;
  sink: PublicSink;
  proxy: FaultProxy;
  append(messages: IncomingMessage[]): Promise<void>;
  startDelivery(): Promise<DeliveryEngine>;
  /** A second connection pool to the same database: what another engine process would have. */
  secondDatabase(): Database;
  /** Runs one evaluation pass with these settings. */
  evaluate(options?: Partial<AlertEvaluatorOptions>, db?: Database): ReturnType<typeof evaluateAlerts>;
  cleanup(): Promise<void>;
}

/** A database, a stream behind a fault proxy, one sink and its delivery engine, for one test. */
export async function setupAlertTest(
  options: { sink?: Partial<CreateSinkInput> } = {},
): Promise<AlertTestContext> {
  const proxy = await startFaultProxy({ target: kinesisEndpoint() });
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 8 });
  const stream = await createTestStream(kinesisEndpoint(), { shardCount: 1 });
  const sink = await createSink(db, {
    secretBox,
    input: {
      name: 'alerts-sink',
      streamArn: stream.streamArn,
      endpoint: proxy.endpoint,
      accessKeyId: 'test',
      secretAccessKey: 'test',
      backoffCapMs: 1_000,
      ...options.sink,
    },
  });
  const queuePrefix = testQueuePrefix();
  const engines: DeliveryEngine[] = [];
  const databases: Database[] = [db];
  const quiet = pino({ level: 'silent' });
  return {
    db,
    databaseUrl: database.url,
    sink,
    proxy,
    append: (messages) => appendMessages(db, { sinkId: sink.id, messages }).then(() => undefined),
    async startDelivery() {
      const engine = await startDeliveryEngine({
        db,
        databaseUrl: database.url,
        redisUrl: redisUrl(),
        queuePrefix,
        secretBox,
        logger: quiet,
        concurrency: 4,
        leaseMs: 4_000,
        lockDurationMs: 4_000,
        requestTimeoutMs: 2_000,
        sweepIntervalMs: 1_000,
        initialRetryDelayMs: 200,
      });
      engines.push(engine);
      return engine;
    },
    secondDatabase() {
      const second = createDatabase({ url: database.url, maxConnections: 4 });
      databases.push(second);
      return second;
    },
    evaluate: (overrides = {}, on = db) => evaluateAlerts({ db: on, secretBox, logger: quiet, ...overrides }),
    async cleanup() {
      await Promise.all(engines.map((engine) => engine.stop()));
      await Promise.all(databases.map((each) => each.close()));
      await database.drop();
      await proxy.stop();
    },
  };
}

/** Messages of `groups` groups, in commit order, each `bytes` long at least. */
export function makeMessages(count: number, groups: number, bytes = 50, firstLsn = 1_000): IncomingMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    commitLsn: BigInt(firstLsn + i * 10),
    commitIdx: 0,
    group: `order-${i % groups}`,
    tableSchema: 'public',
    tableName: 'orders',
    action: 'insert' as const,
    payload: { record: { id: i, note: 'x'.repeat(bytes) }, action: 'insert' },
  }));
}

export function webhookFor(receiver: WebhookReceiver): AlertWebhook {
  return new AlertWebhook({
    url: receiver.url,
    consoleOrigin: 'https://shardline.example.com',
    timeoutMs: 2_000,
    retryDelayMs: 100,
  });
}

export { startWebhookReceiver, type WebhookReceiver, waitFor } from '@shardline/testing';

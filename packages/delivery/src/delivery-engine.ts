import { DEFAULT_RETRY_POLICY, type SecretBox } from '@shardline/core';
import { type Database, getSinkLaneCount } from '@shardline/db';
import { createEngineMetrics, type EngineMetrics } from '@shardline/metrics';
import { TransformRunner } from '@shardline/transforms/runner';
import { type ConnectionOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { startBulkOperationRunner } from './bulk-operation-runner';
import { startDeliveryWorker } from './delivery-worker';
import { DELIVERY_QUEUE, type RunLaneData } from './job-catalog';
import { LaneRunner } from './lane-runner';
import { LaneScheduler } from './lane-scheduler';
import { startPruner } from './pruner';
import { SinkRegistry } from './sink-registry';
import { startSweeper } from './sweeper';
import { startThrottleReporter } from './throttle-reporter';
import { WakeListener } from './wake-listener';

export interface DeliveryEngineOptions {
  db: Database;
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix; wrapped in braces so every key shares one Redis Cluster slot. */
  queuePrefix: string;
  secretBox: SecretBox;
  logger: Logger;
  /** Where delivery outcomes are counted; prom-client's default registry unless given. */
  metrics?: EngineMetrics;
  /** Lanes this process runs at once. */
  concurrency?: number;
  leaseMs?: number;
  lockDurationMs?: number;
  requestTimeoutMs?: number;
  runBudgetMs?: number;
  sweepIntervalMs?: number;
  retentionMs?: number;
  pruneIntervalMs?: number;
  initialRetryDelayMs?: number;
  /** How often the throttling state of sinks Kinesis slows down is reported to the console. */
  throttleReportIntervalMs?: number;
}

export interface DeliveryEngine {
  /** Wakes every lane with work now (also done periodically). */
  sweep(): Promise<void>;
  /** Stops taking work, lets runs under way finish, and releases every connection. */
  stop(): Promise<void>;
}

export async function startDeliveryEngine(options: DeliveryEngineOptions): Promise<DeliveryEngine> {
  const { db, logger } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  if (requestTimeoutMs >= leaseMs) {
    throw new Error(
      `the Kinesis request timeout (${requestTimeoutMs} ms) must be shorter than the lane lease (${leaseMs} ms)`,
    );
  }
  const connection: ConnectionOptions = { url: options.redisUrl, maxRetriesPerRequest: null };
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<RunLaneData>(DELIVERY_QUEUE, { connection, prefix: options.queuePrefix });
  const scheduler = new LaneScheduler(queue, redis, options.queuePrefix);
  // One worker thread runs every sink's transforms, away from this event loop.
  const transforms = new TransformRunner();
  const sinks = new SinkRegistry({
    db,
    secretBox: options.secretBox,
    logger,
    transforms,
    requestTimeoutMs,
    recordLimitRefreshMs: 10 * 60_000,
  });
  // Ends the wait of runs holding outcomes the store could not take yet, so stopping never hangs.
  const stopping = new AbortController();
  const runner = new LaneRunner({
    db,
    sinks,
    logger,
    metrics: options.metrics ?? createEngineMetrics(),
    transforms,
    retryPolicy: {
      initialDelayMs: options.initialRetryDelayMs ?? DEFAULT_RETRY_POLICY.initialDelayMs,
      jitterRatio: DEFAULT_RETRY_POLICY.jitterRatio,
    },
    leaseMs,
    runBudgetMs: options.runBudgetMs ?? 1_000,
    headsPerWalk: 750,
    stopping: stopping.signal,
  });
  const worker = startDeliveryWorker({
    connection,
    prefix: options.queuePrefix,
    runner,
    scheduler,
    logger,
    concurrency: options.concurrency ?? 16,
    lockDurationMs: options.lockDurationMs ?? 30_000,
    failedRunRetryMs: 5_000,
  });
  const sweeper = startSweeper({ db, scheduler, logger, intervalMs: options.sweepIntervalMs ?? 10_000 });
  const listener = new WakeListener({
    databaseUrl: options.databaseUrl,
    logger,
    onWake: (notice) => {
      wakeFromNotice(notice).catch((error: unknown) =>
        logger.error({ err: error, notice }, 'could not wake lanes'),
      );
    },
    onReconnect: () => void sweeper.sweepNow(),
  });
  await listener.start();
  const pruner = await startPruner({
    db,
    connection,
    prefix: options.queuePrefix,
    logger,
    retentionMs: options.retentionMs ?? 24 * 3_600_000,
    intervalMs: options.pruneIntervalMs ?? 60_000,
  });
  const bulkOperations = startBulkOperationRunner({ db, logger });
  const throttleReporter = startThrottleReporter({
    db,
    sinks,
    logger,
    intervalMs: options.throttleReportIntervalMs ?? 5_000,
  });
  // Work stored while no engine was running was announced to nobody.
  await sweeper.sweepNow();
  logger.info(
    { concurrency: options.concurrency ?? 16, queuePrefix: options.queuePrefix },
    'delivery engine started',
  );

  async function wakeFromNotice(notice: { sinkId: string; lanes?: number[] }): Promise<void> {
    if (notice.lanes) return scheduler.wake(notice.sinkId, notice.lanes);
    const laneCount = await getSinkLaneCount(db, { sinkId: notice.sinkId });
    if (laneCount !== null)
      await scheduler.wake(
        notice.sinkId,
        Array.from({ length: laneCount }, (_, lane) => lane),
      );
  }

  return {
    sweep: () => sweeper.sweepNow(),
    async stop() {
      await sweeper.stop();
      await bulkOperations.stop();
      await listener.stop();
      stopping.abort();
      await worker.close();
      await throttleReporter.stop();
      await pruner.close();
      await queue.close();
      redis.disconnect();
      sinks.close();
      await transforms.close();
      logger.info('delivery engine stopped');
    },
  };
}

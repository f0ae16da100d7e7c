import { type CaptureSupervisorOptions, startCaptureSupervisor } from '@shardline/capture';
import { SecretBox } from '@shardline/core';
import type { Database } from '@shardline/db';
import { type DeliveryEngineOptions, startDeliveryEngine } from '@shardline/delivery';
import { startHealthChecker } from '@shardline/health';
import { deleteRedisKeys, redisUrl, testQueuePrefix } from '@shardline/testing';
import pino, { type Logger } from 'pino';
import { TEST_SECRET_KEY } from './api-harness';

/** An engine's parts, as apps/engine wires them, running in the test's own process. */
export interface InProcessEngine {
  /** Stops reading sources, as an engine going down; delivery goes on. */
  stopCapture(): Promise<void>;
  /** Reads them again, as an engine coming back. */
  startCapture(): void;
  stop(): Promise<void>;
}

/**
 * Starts change capture, delivery and (when asked) the health checker against the harness's
 * database (openApiHarness must have run: it sets DATABASE_URL), with a queue prefix of their own.
 * Options left out take the engine's defaults.
 */
export async function startEngineInProcess(options: {
  db: Database;
  logger?: Logger;
  capture?: Partial<CaptureSupervisorOptions>;
  delivery?: Partial<DeliveryEngineOptions>;
  healthChecker?: boolean;
}): Promise<InProcessEngine> {
  const { db } = options;
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const secretBox = new SecretBox(TEST_SECRET_KEY);
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const queuePrefix = testQueuePrefix();
  let capture: { stop(): Promise<void> } | null = null;
  const startCapture = () => {
    capture ??= startCaptureSupervisor({ db, databaseUrl, secretBox, logger, ...options.capture });
  };
  const stopCapture = async () => {
    const running = capture;
    capture = null;
    await running?.stop();
  };
  startCapture();
  const delivery = await startDeliveryEngine({
    db,
    databaseUrl,
    redisUrl: redisUrl(),
    queuePrefix,
    secretBox,
    logger,
    concurrency: 4,
    ...options.delivery,
  });
  const checker = options.healthChecker ? startHealthChecker({ db, secretBox, logger }) : null;
  return {
    stopCapture,
    startCapture,
    async stop() {
      await checker?.stop();
      await stopCapture();
      await delivery.stop();
      await deleteRedisKeys(queuePrefix);
    },
  };
}

import 'dotenv/config';
import { startCaptureSupervisor } from '@shardline/capture';
import { SecretBox } from '@shardline/core';
import { createDatabase } from '@shardline/db';
import { startDeliveryEngine } from '@shardline/delivery';
import pino from 'pino';
import { readEnv } from './env';

const env = readEnv();
const logger = pino({
  level: env.LOG_LEVEL,
  // Secrets never reach the logs, even if an object carrying one is logged by mistake.
  redact: {
    paths: ['*.secretAccessKey', '*.credentials', 'credentials', 'secretAccessKey'],
    censor: '[secret]',
  },
});

const db = createDatabase({
  url: env.DATABASE_URL,
  maxConnections: env.SHARDLINE_CONCURRENCY + 4,
  applicationName: 'shardline-engine',
  onIdleConnectionError: (error) =>
    logger.warn({ err: error }, 'an idle database connection broke; it will be replaced'),
});
const engine = await startDeliveryEngine({
  db,
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
  queuePrefix: env.SHARDLINE_QUEUE_PREFIX,
  secretBox: new SecretBox(env.SHARDLINE_SECRET_KEY),
  logger,
  concurrency: env.SHARDLINE_CONCURRENCY,
  leaseMs: env.SHARDLINE_LEASE_MS,
  lockDurationMs: env.SHARDLINE_LOCK_DURATION_MS,
  requestTimeoutMs: env.SHARDLINE_REQUEST_TIMEOUT_MS,
  sweepIntervalMs: env.SHARDLINE_SWEEP_INTERVAL_MS,
  retentionMs: env.SHARDLINE_RETENTION_HOURS * 3_600_000,
  pruneIntervalMs: env.SHARDLINE_PRUNE_INTERVAL_MS,
  initialRetryDelayMs: env.SHARDLINE_INITIAL_RETRY_DELAY_MS,
});

const capture = env.SHARDLINE_CAPTURE
  ? startCaptureSupervisor({
      db,
      databaseUrl: env.DATABASE_URL,
      secretBox: new SecretBox(env.SHARDLINE_SECRET_KEY),
      logger,
      pollIntervalMs: env.SHARDLINE_CAPTURE_POLL_MS,
    })
  : null;

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing runs under way');
  try {
    // Readers first: they store what they read, then delivery finishes what it sent.
    await capture?.stop();
    await engine.stop();
    await db.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown did not finish cleanly');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

import 'dotenv/config';
import { AlertWebhook, startAlertEvaluator } from '@shardline/alerts';
import { startCaptureSupervisor } from '@shardline/capture';
import { SecretBox } from '@shardline/core';
import { createDatabase } from '@shardline/db';
import { startDeliveryEngine } from '@shardline/delivery';
import { readEnv } from './env';
import { createEngineLogger } from './logger';

const env = readEnv();
const logger = createEngineLogger(env.LOG_LEVEL);
// Reads secrets stored with the previous key too while a key rotation is under way.
const secretBox = new SecretBox(env.SHARDLINE_SECRET_KEY, env.SHARDLINE_SECRET_KEY_PREVIOUS);

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
  secretBox,
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
      secretBox,
      logger,
      pollIntervalMs: env.SHARDLINE_CAPTURE_POLL_MS,
    })
  : null;

// Every engine evaluates; the database decides which one opens, resolves and notifies.
const alerts = startAlertEvaluator({
  db,
  secretBox,
  logger,
  intervalMs: env.SHARDLINE_ALERT_INTERVAL_MS,
  thresholds: {
    groupBlockedMs: env.SHARDLINE_ALERT_GROUP_BLOCKED_MS,
    sinkFailingMs: env.SHARDLINE_ALERT_SINK_FAILING_MS,
    sourceLagBytes: env.SHARDLINE_ALERT_SOURCE_LAG_BYTES,
    sourceStalledMs: env.SHARDLINE_ALERT_SOURCE_STALLED_MS,
  },
  webhook: env.SHARDLINE_ALERT_WEBHOOK_URL
    ? new AlertWebhook({ url: env.SHARDLINE_ALERT_WEBHOOK_URL, consoleOrigin: env.SHARDLINE_CONSOLE_ORIGIN })
    : null,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing runs under way');
  try {
    // Readers first: they store what they read, then delivery finishes what it sent.
    await alerts.stop();
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

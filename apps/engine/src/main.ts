import 'dotenv/config';
import { AlertWebhook, startAlertEvaluator } from '@shardline/alerts';
import { startCaptureSupervisor } from '@shardline/capture';
import { SecretBox } from '@shardline/core';
import { createDatabase } from '@shardline/db';
import { type DeliveryEngine, startDeliveryEngine } from '@shardline/delivery';
import { startHealthChecker } from '@shardline/health';
import { createEngineMetrics, registerDatabaseGauges } from '@shardline/metrics';
import { collectDefaultMetrics, register } from 'prom-client';
import { postgresAnswers, redisProbe } from './engine-checks';
import { readEnv } from './env';
import { createEngineLogger } from './logger';
import { startObservabilityServer } from './observability-server';
import { checkReadiness } from './readiness';

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

// Everything goes on prom-client's default registry, so metrics other modules register there
// are served too.
collectDefaultMetrics();
const metrics = createEngineMetrics();
registerDatabaseGauges({
  db,
  onError: (error) =>
    logger.warn({ err: error }, 'could not read the backlog for /metrics; those gauges are left out'),
});

// Served before delivery starts, so an engine stuck waiting for Redis or Postgres says so on /readyz.
let engine: DeliveryEngine | null = null;
let stopping = false;
const redis = redisProbe(env.REDIS_URL, logger);
const server = await startObservabilityServer({
  host: env.SHARDLINE_ENGINE_HOST,
  port: env.SHARDLINE_ENGINE_PORT,
  registry: register,
  metricsToken: env.SHARDLINE_METRICS_TOKEN,
  logger,
  readiness: () =>
    checkReadiness({
      postgres: postgresAnswers(db),
      redis: redis.check,
      delivery: async () => {
        if (stopping) throw new Error('the engine is stopping');
        if (!engine) throw new Error('the delivery engine is starting');
      },
    }),
}).catch((error: Error) => {
  logger.fatal({ err: error }, `cannot serve /metrics, /healthz and /readyz: ${error.message}`);
  process.exit(1);
});

engine = await startDeliveryEngine({
  db,
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
  queuePrefix: env.SHARDLINE_QUEUE_PREFIX,
  secretBox,
  logger,
  metrics,
  concurrency: env.SHARDLINE_CONCURRENCY,
  leaseMs: env.SHARDLINE_LEASE_MS,
  lockDurationMs: env.SHARDLINE_LOCK_DURATION_MS,
  requestTimeoutMs: env.SHARDLINE_REQUEST_TIMEOUT_MS,
  sweepIntervalMs: env.SHARDLINE_SWEEP_INTERVAL_MS,
  retentionMs: env.SHARDLINE_RETENTION_HOURS * 3_600_000,
  pruneIntervalMs: env.SHARDLINE_PRUNE_INTERVAL_MS,
  initialRetryDelayMs: env.SHARDLINE_INITIAL_RETRY_DELAY_MS,
});
const delivery = engine;

const capture = env.SHARDLINE_CAPTURE
  ? startCaptureSupervisor({
      db,
      databaseUrl: env.DATABASE_URL,
      secretBox,
      logger,
      metrics,
      pollIntervalMs: env.SHARDLINE_CAPTURE_POLL_MS,
    })
  : null;

// Every engine checks; the database hands each due check to one of them.
const health = startHealthChecker({
  db,
  secretBox,
  logger,
  intervalMs: env.SHARDLINE_HEALTH_CHECK_INTERVAL_MS,
  timeoutMs: env.SHARDLINE_HEALTH_CHECK_TIMEOUT_MS,
});

// Every engine evaluates; the database decides which one opens, resolves and notifies.
const alerts = startAlertEvaluator({
  db,
  secretBox,
  logger,
  intervalMs: env.SHARDLINE_ALERT_INTERVAL_MS,
  thresholds: {
    groupBlockedMs: env.SHARDLINE_ALERT_GROUP_BLOCKED_MS,
    sinkFailingMs: env.SHARDLINE_ALERT_SINK_FAILING_MS,
    sinkNotCapturingMs: env.SHARDLINE_ALERT_SINK_NOT_CAPTURING_MS,
    sinkThrottledMs: env.SHARDLINE_ALERT_SINK_THROTTLED_MS,
    sourceLagBytes: env.SHARDLINE_ALERT_SOURCE_LAG_BYTES,
    sourceStalledMs: env.SHARDLINE_ALERT_SOURCE_STALLED_MS,
  },
  webhook: env.SHARDLINE_ALERT_WEBHOOK_URL
    ? new AlertWebhook({ url: env.SHARDLINE_ALERT_WEBHOOK_URL, consoleOrigin: env.SHARDLINE_CONSOLE_ORIGIN })
    : null,
  consoleOrigin: env.SHARDLINE_CONSOLE_ORIGIN,
});

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing runs under way');
  try {
    // Readers first: they store what they read, then delivery finishes what it sent.
    await alerts.stop();
    await health.stop();
    await capture?.stop();
    await delivery.stop();
    await server.close();
    redis.close();
    await db.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown did not finish cleanly');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

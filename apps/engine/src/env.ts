import { DEFAULT_ALERT_THRESHOLDS } from '@shardline/alerts';
import { endpointAllowListEnvShape, refusedUrlReason, secretKeyEnvShape } from '@shardline/core';
import { z } from 'zod';

const milliseconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The engine's whole configuration, read once from the environment and checked here. */
const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .min(1, 'DATABASE_URL is required: the Postgres database Shardline keeps its state in'),
    REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
    SHARDLINE_QUEUE_PREFIX: z
      .string()
      .default('{shardline}')
      .refine(
        (value) => /^\{[^{}]+\}$/.test(value),
        'SHARDLINE_QUEUE_PREFIX must be wrapped in braces, e.g. {shardline}, so it works on Redis Cluster',
      ),
    // SHARDLINE_SECRET_KEY and SHARDLINE_SECRET_KEY_PREVIOUS, checked as the console checks them.
    ...secretKeyEnvShape,
    SHARDLINE_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(16),
    SHARDLINE_LEASE_MS: milliseconds(30_000),
    SHARDLINE_LOCK_DURATION_MS: milliseconds(30_000),
    SHARDLINE_REQUEST_TIMEOUT_MS: milliseconds(10_000),
    SHARDLINE_SWEEP_INTERVAL_MS: milliseconds(10_000),
    SHARDLINE_RETENTION_HOURS: z.coerce.number().positive().default(24),
    SHARDLINE_PRUNE_INTERVAL_MS: milliseconds(60_000),
    SHARDLINE_INITIAL_RETRY_DELAY_MS: milliseconds(1_000),
    /** Whether this engine reads change sources (one engine per source reads it, whatever this says). */
    SHARDLINE_CAPTURE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    SHARDLINE_CAPTURE_POLL_MS: milliseconds(2_000),
    // Health (docs/api.md, "Health"): how often each source and sink is checked, across all engines.
    SHARDLINE_HEALTH_CHECK_INTERVAL_MS: milliseconds(5_000),
    SHARDLINE_HEALTH_CHECK_TIMEOUT_MS: milliseconds(5_000),
    // Alerts (docs/alerts.md): how often every engine evaluates, and when a condition alerts.
    SHARDLINE_ALERT_INTERVAL_MS: milliseconds(15_000),
    SHARDLINE_ALERT_GROUP_BLOCKED_MS: milliseconds(DEFAULT_ALERT_THRESHOLDS.groupBlockedMs),
    SHARDLINE_ALERT_SINK_FAILING_MS: milliseconds(DEFAULT_ALERT_THRESHOLDS.sinkFailingMs),
    SHARDLINE_ALERT_SINK_NOT_CAPTURING_MS: milliseconds(DEFAULT_ALERT_THRESHOLDS.sinkNotCapturingMs),
    SHARDLINE_ALERT_SINK_THROTTLED_MS: milliseconds(DEFAULT_ALERT_THRESHOLDS.sinkThrottledMs),
    SHARDLINE_ALERT_SOURCE_LAG_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(DEFAULT_ALERT_THRESHOLDS.sourceLagBytes),
    SHARDLINE_ALERT_SOURCE_STALLED_MS: milliseconds(DEFAULT_ALERT_THRESHOLDS.sourceStalledMs),
    /** Slack-compatible incoming webhook called when an alert opens or resolves; empty: none. */
    SHARDLINE_ALERT_WEBHOOK_URL: z
      .union([
        z.literal('').transform(() => null),
        z.url({
          protocol: /^https?$/,
          // Never the value: a webhook's path is its secret.
          error: 'SHARDLINE_ALERT_WEBHOOK_URL must be an http or https URL (or empty for no webhook)',
        }),
      ])
      .nullable()
      .default(null),
    /** The console's public origin: alert notices link to it. */
    SHARDLINE_CONSOLE_ORIGIN: z
      .union([
        z.literal('').transform(() => null),
        z.url({ protocol: /^https?$/, error: 'SHARDLINE_CONSOLE_ORIGIN must be an http or https URL' }),
      ])
      .nullable()
      .default(null),
    /** Where /metrics, /healthz and /readyz are served; 0 picks a free port (logged at start). */
    SHARDLINE_ENGINE_PORT: z.preprocess(
      // Left empty in .env means "the default", not port 0.
      (value) => (value === '' ? undefined : value),
      z.coerce
        .number()
        .int('SHARDLINE_ENGINE_PORT must be a whole number')
        .min(0, 'SHARDLINE_ENGINE_PORT must be a port number from 0 to 65535 (0 picks a free port)')
        .max(65_535, 'SHARDLINE_ENGINE_PORT must be a port number from 0 to 65535 (0 picks a free port)')
        .default(9464),
    ),
    /**
     * The address those endpoints listen on: this host only by default (metrics name sinks and
     * errors); `0.0.0.0` for a scraper elsewhere, as docker-compose.yml sets inside its network.
     */
    SHARDLINE_ENGINE_HOST: z.string().min(1).default('127.0.0.1'),
    /** When set, /metrics answers only `Authorization: Bearer <this>` (as the console's needs a token). */
    SHARDLINE_METRICS_TOKEN: z
      .union([
        z.literal('').transform(() => null),
        // Never the value in the message.
        z.string().min(16, 'SHARDLINE_METRICS_TOKEN must be at least 16 characters (or empty for none)'),
      ])
      .nullable()
      .default(null),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    // CIDRs the engine may reach although they are link-local or metadata addresses.
    ...endpointAllowListEnvShape,
  })
  .superRefine((env, context) => {
    // The webhook is called with alert details: never at a metadata or link-local address.
    const refused = env.SHARDLINE_ALERT_WEBHOOK_URL
      ? refusedUrlReason(env.SHARDLINE_ALERT_WEBHOOK_URL, { allowList: env.SHARDLINE_ENDPOINT_ALLOW_LIST })
      : null;
    if (refused) {
      context.addIssue({
        code: 'custom',
        path: ['SHARDLINE_ALERT_WEBHOOK_URL'],
        // The host is said, never the path (a webhook's secret).
        message: `SHARDLINE_ALERT_WEBHOOK_URL: ${refused}; allow it with SHARDLINE_ENDPOINT_ALLOW_LIST if it is meant`,
      });
    }
  });

export type EngineEnv = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): EngineEnv {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    .join('\n');
  throw new Error(`the engine's configuration is not valid:\n${problems}`);
}

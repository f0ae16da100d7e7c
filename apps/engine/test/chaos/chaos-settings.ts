/**
 * How hard and how long the fault suite pushes. `npm test` runs it short (a few faults, seconds
 * of load); `npm run test:chaos` runs it full (SHARDLINE_CHAOS_SCALE=full, set by
 * vitest.chaos.config.ts). Same scenarios, same checks.
 */
export interface ChaosSettings {
  scale: 'short' | 'full';
  /** Rows of the source table: the groups (partition keys) the load spreads over. */
  groups: number;
  /** Transactions the writer commits a second, each updating 1 to 4 rows. */
  transactionsPerSecond: number;
  /** Load before the fault. */
  warmupMs: number;
  /** Load after the fault ended, before the writer stops. */
  afterFaultMs: number;
  /** Times the engine is killed with SIGKILL and started again. */
  kills: number;
  /** Each kill comes this long (uniformly random between the two) after the engine started. */
  killAfterMs: [number, number];
  /** How long the Kinesis endpoint is unreachable. */
  kinesisDownMs: number;
  /** How long Postgres is down between its stop and its start. */
  postgresDownMs: number;
  /** How long to wait, after the writer stopped, for every change to be delivered. */
  drainTimeoutMs: number;
}

const SHORT: ChaosSettings = {
  scale: 'short',
  groups: 200,
  transactionsPerSecond: 15,
  warmupMs: 2_000,
  afterFaultMs: 3_000,
  kills: 3,
  killAfterMs: [500, 3_000],
  kinesisDownMs: 5_000,
  postgresDownMs: 2_000,
  drainTimeoutMs: 90_000,
};

const FULL: ChaosSettings = {
  scale: 'full',
  groups: 200,
  transactionsPerSecond: 20,
  warmupMs: 10_000,
  afterFaultMs: 20_000,
  kills: 20,
  killAfterMs: [500, 12_000],
  kinesisDownMs: 30_000,
  postgresDownMs: 15_000,
  drainTimeoutMs: 300_000,
};

export function chaosSettings(scale = process.env.SHARDLINE_CHAOS_SCALE ?? 'short'): ChaosSettings {
  if (scale === 'short') return SHORT;
  if (scale === 'full') return FULL;
  throw new Error(`SHARDLINE_CHAOS_SCALE must be "short" or "full", not "${scale}"`);
}

/** Production settings, except a 10 s lane lease (30 s in production) so twenty crashes fit in minutes. */
export const CHAOS_ENGINE_SETTINGS = {
  SHARDLINE_CONCURRENCY: '8',
  SHARDLINE_LEASE_MS: '10000',
  SHARDLINE_LOCK_DURATION_MS: '10000',
  SHARDLINE_REQUEST_TIMEOUT_MS: '5000',
  SHARDLINE_SWEEP_INTERVAL_MS: '10000',
  SHARDLINE_INITIAL_RETRY_DELAY_MS: '1000',
  SHARDLINE_CAPTURE: 'true',
  SHARDLINE_CAPTURE_POLL_MS: '2000',
  LOG_LEVEL: 'info',
};

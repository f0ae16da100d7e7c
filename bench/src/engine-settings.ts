/** The engine's production settings, not the tests' fast ones (see apps/engine/src/env.ts). */
export const PRODUCTION_ENGINE_SETTINGS = {
  SHARDLINE_CONCURRENCY: '16',
  SHARDLINE_LEASE_MS: '30000',
  SHARDLINE_LOCK_DURATION_MS: '30000',
  SHARDLINE_REQUEST_TIMEOUT_MS: '10000',
  SHARDLINE_SWEEP_INTERVAL_MS: '10000',
  SHARDLINE_INITIAL_RETRY_DELAY_MS: '1000',
  LOG_LEVEL: 'info',
};

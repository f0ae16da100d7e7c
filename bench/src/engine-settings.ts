import { redisUrl, testQueuePrefix } from '@shardline/testing';
import { EngineProcess, engineEnv } from '../../apps/engine/test/engine-process';

/** Encrypts the benchmark sinks' placeholder credentials. */
export const BENCH_SECRET_KEY = 'c'.repeat(64);

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

/** The production engine bundle on a benchmark database, with its own queue prefix. */
export function benchEngine(databaseUrl: string, extraEnv: Record<string, string> = {}): EngineProcess {
  return new EngineProcess(
    {
      ...engineEnv({
        databaseUrl,
        redisUrl: redisUrl(),
        queuePrefix: testQueuePrefix(),
        secretKey: BENCH_SECRET_KEY,
      }),
      ...PRODUCTION_ENGINE_SETTINGS,
      ...extraEnv,
    },
    { built: true },
  );
}

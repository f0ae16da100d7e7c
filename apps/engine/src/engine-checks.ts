import { type Db, pingDatabase } from '@shardline/db';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ReadinessCheck } from './readiness';

/** The engine's database answers a query. */
export function postgresAnswers(db: Db): ReadinessCheck {
  return async () => {
    try {
      await pingDatabase(db);
    } catch (error) {
      throw new Error(`Postgres does not answer: ${(error as Error).message}`);
    }
  };
}

/**
 * A Redis connection of its own, for the readiness probe: it answers at once while Redis is
 * down (no queue of commands waiting for a reconnect), saying what the last connection attempt
 * met. The delivery engine's own connections log their errors; this one only reports them.
 */
export function redisProbe(url: string, logger: Logger): { check: ReadinessCheck; close(): void } {
  let lastError: string | null = null;
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  redis.on('error', (error: Error) => {
    lastError = error.message;
    logger.debug({ err: error }, 'the readiness probe cannot reach Redis');
  });
  redis.on('ready', () => {
    lastError = null;
  });
  return {
    async check() {
      if (redis.status !== 'ready') {
        throw new Error(`Redis does not answer: ${lastError ?? `the connection is ${redis.status}`}`);
      }
      await redis.ping();
    },
    close: () => redis.disconnect(),
  };
}

import { Redis } from 'ioredis';
import { uniqueSuffix } from './unique-name';

export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A key prefix of its own per test; the braces are a Redis Cluster hash tag, keeping its keys in one slot. */
export function testQueuePrefix(): string {
  return `{shardline-test-${uniqueSuffix()}}`;
}

/** Deletes every key starting with `prefix`. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    // MATCH is a glob: the prefix's own glob characters must match literally.
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

import { deleteRedisKeys, redisUrl, testQueuePrefix } from '@shardline/testing';
import { Redis } from 'ioredis';
import { expect, test } from 'vitest';

test('deleteRedisKeys removes the keys under a prefix and nothing else', async () => {
  const prefix = testQueuePrefix();
  const other = testQueuePrefix();
  expect(prefix).toMatch(/^\{shardline-test-[a-z0-9]+\}$/);
  expect(prefix).not.toBe(other);

  const redis = new Redis(redisUrl());
  try {
    await redis.mset(`${prefix}:a`, '1', `${prefix}:b`, '2', `${other}:a`, '3');
    await deleteRedisKeys(prefix);
    expect(await redis.exists(`${prefix}:a`, `${prefix}:b`)).toBe(0);
    expect(await redis.get(`${other}:a`)).toBe('3');
  } finally {
    await deleteRedisKeys(other);
    await redis.quit();
  }
});

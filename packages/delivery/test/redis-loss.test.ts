import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
  expectCommitOrderPerGroup,
  makeMessages,
  setupDeliveryTest,
  waitFor,
} from './harness';

let ctx: DeliveryTestContext;
afterEach(() => ctx?.cleanup());

// A Redis database of its own, so FLUSHDB here cannot touch other tests' queues.
const ISOLATED_REDIS_DB = 9;

describe('Redis losing its data', () => {
  it('rebuilds the pending work from Postgres and delivers every message', async () => {
    const base = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    base.pathname = `/${ISOLATED_REDIS_DB}`;
    ctx = await setupDeliveryTest({ withProxy: true, redisUrl: base.toString() });
    const { proxy } = ctx;
    await ctx.startEngine();
    await proxy.goDown();
    await ctx.append(makeMessages(120, 12));
    await waitFor('messages failing with retries scheduled in Redis', async () =>
      (await ctx.state()).some((m) => m.deliverCount >= 2),
    );

    const redis = new Redis(base.toString());
    try {
      expect(await redis.dbsize()).toBeGreaterThan(0);
      // The running engine may write a key again right after the flush; what matters is that the
      // jobs and retries it had scheduled are gone.
      await redis.flushdb();
    } finally {
      redis.disconnect();
    }
    await proxy.comeUp();

    await ctx.waitUntilAllDelivered(60_000);
    const records = await ctx.readStream(120);
    expect(records).toHaveLength(120);
    expectCommitOrderPerGroup(records);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
  expectOrderWithRepeatsOfInFlight,
  makeMessages,
  setupDeliveryTest,
  TEST_SECRET_KEY,
  waitFor,
} from '../../../packages/delivery/test/harness';
import { EngineProcess, engineEnv } from './engine-process';

let ctx: DeliveryTestContext;
const engines: EngineProcess[] = [];
afterEach(async () => {
  await Promise.all(engines.map((engine) => engine.kill()));
  engines.length = 0;
  await ctx?.cleanup();
});

function spawnEngine(): EngineProcess {
  const engine = new EngineProcess(
    engineEnv({
      databaseUrl: ctx.databaseUrl,
      redisUrl: ctx.redisUrl,
      queuePrefix: ctx.queuePrefix,
      secretKey: TEST_SECRET_KEY,
    }),
  );
  engines.push(engine);
  return engine;
}

describe('an engine process killed during delivery', () => {
  it('loses nothing: after a restart every message arrives, repeats are only of what was in flight, order kept', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    await ctx.append(makeMessages(1_500, 60));
    const first = spawnEngine();
    await first.start();
    await waitFor(
      'delivery under way',
      async () => (await ctx.state()).filter((m) => m.state === 'delivered').length >= 200,
    );
    await first.kill();
    const deliveredAtCrash = (await ctx.state()).filter((m) => m.state === 'delivered').length;
    expect(deliveredAtCrash).toBeLessThan(1_500);

    const second = spawnEngine();
    await second.start();
    await ctx.waitUntilAllDelivered(90_000);

    const records = await ctx.readStream(1_500);
    const distinct = new Set(records.map((r) => r.data));
    expect(distinct.size).toBe(1_500);
    const repeats = expectOrderWithRepeatsOfInFlight(records);
    // At most one request per lane was in flight when the process died.
    expect(repeats).toBeLessThanOrEqual(8 * 500);
    expect(records.length).toBe(1_500 + repeats);
  });
});

describe('two engine processes at once', () => {
  it('share the work, deliver every message once, and never have two requests of one group in flight', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    const [a, b] = [spawnEngine(), spawnEngine()];
    await Promise.all([a.start(), b.start()]);
    await ctx.append(makeMessages(2_000, 100));
    await ctx.waitUntilAllDelivered(90_000);

    const records = await ctx.readStream(2_000);
    expect(records).toHaveLength(2_000);
    expect(expectOrderWithRepeatsOfInFlight(records)).toBe(0);

    const requests = [...ctx.proxy.requests].sort((x, y) => x.startedAt - y.startedAt);
    for (let i = 0; i < requests.length; i++) {
      const current = requests[i];
      if (!current) continue;
      const keys = new Set(current.partitionKeys);
      for (let j = i + 1; j < requests.length; j++) {
        const other = requests[j];
        if (!other || other.startedAt >= current.endedAt) break;
        const shared = other.partitionKeys.filter((key) => keys.has(key));
        expect(shared, 'two requests in flight at once shared a group').toEqual([]);
      }
    }
    const deliveredBy = (engine: EngineProcess) =>
      engine.logLines('lane run finished').reduce((sum, line) => sum + Number(line.delivered ?? 0), 0);
    expect(deliveredBy(a)).toBeGreaterThan(0);
    expect(deliveredBy(b)).toBeGreaterThan(0);
    expect(deliveredBy(a) + deliveredBy(b)).toBe(2_000);
  });
});

describe('an engine process asked to stop', () => {
  it('finishes what it sent, exits cleanly, holds no lane, and a successor repeats nothing', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    await ctx.append(makeMessages(1_500, 60));
    const first = spawnEngine();
    await first.start();
    await waitFor('delivery under way', async () => (await ctx.state()).some((m) => m.state === 'delivered'));
    expect(await first.stop()).toBe(0);
    expect(first.output.some((line) => line.includes('delivery engine stopped'))).toBe(true);
    const held = await ctx.db.pool.query(
      'SELECT lane FROM delivery_lane WHERE sink_id = $1 AND lease_token IS NOT NULL',
      [ctx.sink.id],
    );
    expect(held.rows).toEqual([]);

    const second = spawnEngine();
    await second.start();
    await ctx.waitUntilAllDelivered(90_000);
    const records = await ctx.readStream(1_500);
    expect(records).toHaveLength(1_500);
    expect(expectOrderWithRepeatsOfInFlight(records)).toBe(0);
  });
});

import { createServer } from 'node:net';
import { getMessage } from '@shardline/db';
import { freePort, parsePrometheusText, sampleValue } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
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

function spawnEngine(overrides: Record<string, string> = {}): EngineProcess {
  const engine = new EngineProcess({
    ...engineEnv({
      databaseUrl: ctx.databaseUrl,
      redisUrl: ctx.redisUrl,
      queuePrefix: ctx.queuePrefix,
      secretKey: TEST_SECRET_KEY,
    }),
    ...overrides,
  });
  engines.push(engine);
  return engine;
}

async function get(url: string) {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), text };
}

async function attemptsOf(messageId: bigint): Promise<number> {
  return (await getMessage(ctx.db, { sinkId: ctx.sink.id, id: messageId })).attempts.length;
}

describe("an engine's /metrics", () => {
  it('counts what it delivered and what failed by error code, and reports each sink backlog', async () => {
    ctx = await setupDeliveryTest();
    // 60 messages in 6 groups; the second of group order-0 is over the record limit, so it fails
    // and holds the 8 after it in its group: 51 delivered, 1 failing, 8 pending.
    const messages = makeMessages(60, 6);
    const big = messages[6];
    if (!big) throw new Error('fixture too small');
    big.payload = { record: { id: 'order-0', blob: 'x'.repeat(1_200_000) } };
    await ctx.append(messages);
    const engine = spawnEngine();
    await engine.start();

    const bigRow = await waitFor('51 delivered and the big message failed twice', async () => {
      const state = await ctx.state();
      const failing = state.find((m) => m.state === 'failing');
      const delivered = state.filter((m) => m.state === 'delivered').length;
      return delivered === 51 && failing && failing.deliverCount >= 2 ? failing : null;
    });
    const attemptsBefore = await attemptsOf(bigRow.id);
    const metrics = await get(`${engine.observabilityUrl}/metrics`);
    const attemptsAfter = await attemptsOf(bigRow.id);
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);

    const samples = parsePrometheusText(metrics.text);
    const sink = { sink_id: ctx.sink.id };
    expect(sampleValue(samples, 'shardline_messages_delivered_total', sink)).toBe(51);
    const failed = sampleValue(samples, 'shardline_messages_failed_total', {
      ...sink,
      code: 'RecordTooLarge',
    });
    expect(failed).toBeGreaterThanOrEqual(attemptsBefore);
    expect(failed).toBeLessThanOrEqual(attemptsAfter);
    expect(samples.filter((s) => s.name === 'shardline_messages_failed_total')).toHaveLength(1);
    expect(sampleValue(samples, 'shardline_deliver_attempts_total', sink)).toBe(51 + (failed ?? 0));
    expect(sampleValue(samples, 'shardline_delivery_latency_seconds_count', sink)).toBe(51);
    // Stored a moment before the engine started: every delivery took well under a minute.
    expect(sampleValue(samples, 'shardline_delivery_latency_seconds_bucket', { ...sink, le: '60' })).toBe(51);
    expect(sampleValue(samples, 'shardline_delivery_latency_seconds_sum', sink)).toBeGreaterThan(0);

    expect(sampleValue(samples, 'shardline_backlog_messages', { ...sink, state: 'pending' })).toBe(8);
    expect(sampleValue(samples, 'shardline_backlog_messages', { ...sink, state: 'failing' })).toBe(1);
    expect(sampleValue(samples, 'shardline_backlog_oldest_age_seconds', sink)).toBeGreaterThan(0);
    expect(sampleValue(samples, 'shardline_sink_info', { ...sink, sink: 'test-sink' })).toBe(1);
    // prom-client's process metrics come along.
    expect(sampleValue(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    expect(await get(`${engine.observabilityUrl}/healthz`)).toMatchObject({ status: 200 });
    const ready = await get(`${engine.observabilityUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ready',
      checks: { postgres: 'ok', redis: 'ok', delivery: 'ok' },
    });
  });

  it('stops reporting a discarded backlog: the gauges come from the database at each scrape', async () => {
    ctx = await setupDeliveryTest({ sink: { maxAttempts: 1 } });
    const messages = makeMessages(4, 1);
    const first = messages[0];
    if (!first) throw new Error('fixture too small');
    first.payload = { blob: 'x'.repeat(1_200_000) };
    await ctx.append(messages);
    const engine = spawnEngine();
    await engine.start();
    await waitFor('the big message given up and the rest delivered', async () => {
      const state = await ctx.state();
      return state.filter((m) => m.state === 'delivered').length === 3 && state[0]?.state === 'discarded';
    });
    const samples = parsePrometheusText((await get(`${engine.observabilityUrl}/metrics`)).text);
    const sink = { sink_id: ctx.sink.id };
    expect(sampleValue(samples, 'shardline_backlog_messages', { ...sink, state: 'pending' })).toBe(0);
    expect(sampleValue(samples, 'shardline_backlog_messages', { ...sink, state: 'failing' })).toBe(0);
    expect(sampleValue(samples, 'shardline_backlog_oldest_age_seconds', sink)).toBe(0);
    expect(sampleValue(samples, 'shardline_messages_failed_total', { ...sink, code: 'RecordTooLarge' })).toBe(
      1,
    );
    // The give-up is a log line naming the sink and the message.
    const discarded = engine.logLines('message discarded: it reached the sink maximum of attempts');
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toMatchObject({ sinkId: ctx.sink.id, attempts: 1 });
    expect(discarded[0]?.messageId).toMatch(/^\d+$/);
  });
});

describe("an engine's /readyz", () => {
  it('answers 503 naming Redis while Redis cannot be reached, and /healthz still answers 200', async () => {
    ctx = await setupDeliveryTest();
    const engine = spawnEngine({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    await engine.start({ until: 'observability endpoints listening' });

    const ready = await waitFor('Redis reported unreachable', async () => {
      const answer = await get(`${engine.observabilityUrl}/readyz`);
      return answer.text.includes('ECONNREFUSED') ? answer : null;
    });
    expect(ready.status).toBe(503);
    const body = JSON.parse(ready.text);
    expect(body.status).toBe('not_ready');
    expect(body.notReady).toEqual(['redis', 'delivery']);
    expect(body.checks.postgres).toBe('ok');
    expect(body.checks.redis).toMatch(/^Redis does not answer: .*ECONNREFUSED/);
    expect(body.checks.delivery).toBe('the delivery engine is starting');
    expect((await get(`${engine.observabilityUrl}/healthz`)).status).toBe(200);
  });
});

describe('an engine whose metrics port is taken', () => {
  it('stops at start, saying which variable to change', async () => {
    ctx = await setupDeliveryTest();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const engine = spawnEngine({ SHARDLINE_ENGINE_PORT: String(port) });
      await expect(engine.start()).rejects.toThrow(
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use.*set SHARDLINE_ENGINE_PORT to a free port`),
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

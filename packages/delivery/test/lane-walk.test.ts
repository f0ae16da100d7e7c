import { SecretBox } from '@shardline/core';
import { createTransform, updateSink } from '@shardline/db';
import { createEngineMetrics } from '@shardline/metrics';
import { TransformRunner } from '@shardline/transforms/runner';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LaneRunner, SinkRegistry } from '../src';
import { type DeliveryTestContext, makeMessages, setupDeliveryTest, TEST_SECRET_KEY } from './harness';

let ctx: DeliveryTestContext;
let transforms: TransformRunner | undefined;
afterEach(async () => {
  await transforms?.close();
  transforms = undefined;
  await ctx?.cleanup();
});

function laneRunner(headsPerWalk: number): LaneRunner {
  const logger = pino({ level: 'silent' });
  transforms = new TransformRunner();
  const sinks = new SinkRegistry({
    db: ctx.db,
    secretBox: new SecretBox(TEST_SECRET_KEY),
    logger,
    transforms,
    requestTimeoutMs: 2_000,
    recordLimitRefreshMs: 60_000,
  });
  return new LaneRunner({
    db: ctx.db,
    sinks,
    logger,
    metrics: createEngineMetrics(),
    transforms,
    retryPolicy: { initialDelayMs: 200, jitterRatio: 0 },
    leaseMs: 4_000,
    runBudgetMs: 60_000,
    headsPerWalk,
    stopping: new AbortController().signal,
  });
}

describe('walking a lane', () => {
  it('goes around a lane whose heads all wait for a retry once, and says when the earliest is due', async () => {
    ctx = await setupDeliveryTest({ sink: { laneCount: 1 } });
    await ctx.append(makeMessages(30, 30));
    // Every group's head waits; the one due first is near the end of the walk order, far past
    // what one walk of four heads looks at.
    await ctx.db.pool.query(
      `UPDATE message SET state = 'failing',
              next_attempt_at = now() + CASE WHEN group_key = 'order-27' THEN interval '1 minute' ELSE interval '1 hour' END
        WHERE sink_id = $1`,
      [ctx.sink.id],
    );
    const due = await ctx.db.pool.query<{ next_attempt_at: Date }>(
      `SELECT next_attempt_at FROM message WHERE sink_id = $1 AND group_key = 'order-27'`,
      [ctx.sink.id],
    );

    const result = await laneRunner(4).run(ctx.sink.id, 0);

    expect(result).toEqual({ kind: 'idle', nextDueAt: due.rows[0]?.next_attempt_at });
    expect((await ctx.state()).every((message) => message.deliverCount === 0)).toBe(true);
  });

  it('sends a message larger than a whole request when a transform may make it small enough', async () => {
    ctx = await setupDeliveryTest({ sink: { laneCount: 1 } });
    const transform = await createTransform(ctx.db, {
      input: { name: 'drop the blob', kind: 'path', body: 'record.id' },
    });
    await updateSink(ctx.db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      sinkId: ctx.sink.id,
      input: { transformId: transform.id },
    });
    const [huge] = makeMessages(1, 1);
    if (!huge) throw new Error('fixture too small');
    // Over the 5 MiB a PutRecords request may carry, before the transform.
    huge.payload = { record: { id: 'order-0', blob: 'x'.repeat(6 * 1024 * 1024) } };
    await ctx.append([huge]);

    const result = await laneRunner(750).run(ctx.sink.id, 0);

    expect(result).toEqual({ kind: 'worked', delivered: 1, failed: 0 });
    const records = await ctx.readStream(1);
    expect(records.map((record) => record.data)).toEqual(['"order-0"']);
  });
});

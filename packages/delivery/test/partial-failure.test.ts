import { getMessage } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
  expectCommitOrderPerGroup,
  makeMessages,
  setupDeliveryTest,
} from './harness';

let ctx: DeliveryTestContext;
afterEach(() => ctx?.cleanup());

describe('per-record failures inside a successful response', () => {
  it('retries only the throttled records, keeps each group in order and never resends an accepted record', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    const { proxy } = ctx;
    const throttledOnce = new Set<string>();
    // Every third record is throttled the first time it is seen; the retry goes through.
    proxy.failRecords((record, index) => {
      if (index % 3 !== 0 || throttledOnce.has(record.data)) return null;
      throttledOnce.add(record.data);
      return {
        errorCode: 'ProvisionedThroughputExceededException',
        errorMessage: 'Rate exceeded for shard shardId-000000000000',
      };
    });
    await ctx.append(makeMessages(300, 30));
    await ctx.startEngine();

    await ctx.waitUntilAllDelivered();
    const records = await ctx.readStream(300);
    expect(records).toHaveLength(300);
    expect(new Set(records.map((r) => r.data)).size).toBe(300);
    expectCommitOrderPerGroup(records);

    expect(throttledOnce.size).toBeGreaterThan(0);
    const state = await ctx.state();
    const retried = state.filter((m) => m.deliverCount === 2);
    expect(retried).toHaveLength(throttledOnce.size);
    expect(state.filter((m) => m.deliverCount === 1)).toHaveLength(300 - throttledOnce.size);
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: retried[0]?.id ?? 0n });
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]?.errorCode).toBe('ProvisionedThroughputExceededException');
    expect(detail.attempts[0]?.errorMessage).toMatch(/throttled/i);
    expect(detail.delivered?.sequenceNumber).toBeTruthy();
  });

  it('never puts two records of one group in one request', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    const { proxy } = ctx;
    await ctx.append(makeMessages(200, 5));
    await ctx.startEngine();
    await ctx.waitUntilAllDelivered();
    const puts = proxy.requests;
    expect(puts.length).toBeGreaterThanOrEqual(40);
    for (const request of puts)
      expect(new Set(request.partitionKeys).size).toBe(request.partitionKeys.length);
  });
});

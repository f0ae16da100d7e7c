import { getMessage } from '@shardline/db';
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

describe('an outage of Kinesis', () => {
  it('fails messages with growing, capped backoff and a readable error, then delivers everything in order', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    const { proxy } = ctx;
    await ctx.startEngine();
    await proxy.goDown();
    await ctx.append(makeMessages(200, 20));

    const head = await waitFor(
      'a message to have failed six times',
      async () => {
        const state = await ctx.state();
        return state.find((m) => m.deliverCount >= 6) ?? null;
      },
      60_000,
    );
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: head.id });
    expect(detail.state).toBe('failing');
    expect(detail.lastError?.code).toBe('ECONNREFUSED');
    expect(detail.lastError?.message).toMatch(/connection refused/i);
    expect(detail.lastError?.message).toContain(proxy.endpoint.replace(/^https?:\/\//, ''));

    // Delays between attempts: 200 ms doubling, jittered down by at most 25%, capped at 1.6 s.
    const times = detail.attempts.map((a) => a.attemptedAt.getTime());
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    const expectedBases = [200, 400, 800, 1_600, 1_600];
    gaps.slice(0, expectedBases.length).forEach((gap, i) => {
      const base = expectedBases[i] ?? 1_600;
      expect(gap).toBeGreaterThanOrEqual(base * 0.75 - 50);
      expect(gap).toBeLessThan(base + 1_000);
    });
    expect(Math.max(...gaps)).toBeLessThan(1_600 + 1_000);

    // Later messages of a failing group wait; nothing was delivered during the outage.
    expect((await ctx.state()).some((m) => m.state === 'delivered')).toBe(false);

    await proxy.comeUp();
    await ctx.waitUntilAllDelivered(60_000);
    const records = await ctx.readStream(200);
    expect(records).toHaveLength(200);
    expectCommitOrderPerGroup(records);
  });

  it('words a whole-request failure for a person and applies it to every record of the request', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    const { proxy } = ctx;
    proxy.failRequests((target) =>
      target === 'PutRecords'
        ? {
            status: 400,
            body: {
              __type: 'AccessDeniedException',
              message:
                'User: arn:aws:iam::123456789012:user/shardline is not authorized to perform: kinesis:PutRecords',
            },
          }
        : null,
    );
    await ctx.append(makeMessages(10, 10));
    await ctx.startEngine();
    await waitFor('all failing', async () => (await ctx.state()).every((m) => m.state === 'failing'));
    const [first] = await ctx.state();
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: first?.id ?? 0n });
    expect(detail.lastError?.code).toBe('AccessDeniedException');
    expect(detail.lastError?.message).toMatch(/kinesis:PutRecords/);
    proxy.failRequests(null);
    await ctx.waitUntilAllDelivered(30_000);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryTestContext, makeMessages, setupDeliveryTest, waitFor } from './harness';

let ctx: DeliveryTestContext;
afterEach(() => ctx?.cleanup());

describe('a failing message', () => {
  it('is tried again when its backoff ends, not at the next periodic sweep', async () => {
    ctx = await setupDeliveryTest({ withProxy: true });
    // A sweep far away: only the run scheduled for the message's next attempt can retry it.
    await ctx.startEngine({ sweepIntervalMs: 600_000 });
    await ctx.proxy.goDown();
    await ctx.append(makeMessages(1, 1));

    // Attempts after 0, ~200, ~400 and ~800 ms of backoff.
    const started = Date.now();
    await waitFor('four attempts', async () => (await ctx.state())[0]?.deliverCount === 4, 15_000);
    expect(Date.now() - started).toBeLessThan(10_000);

    await ctx.proxy.comeUp();
    await waitFor('the message delivered', async () => (await ctx.state())[0]?.state === 'delivered', 15_000);
  });
});

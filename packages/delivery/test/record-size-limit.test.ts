import { getMessage } from '@shardline/db';
import { type NoopKinesis, startNoopKinesis } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryTestContext, makeMessages, setupDeliveryTest, waitFor } from './harness';

let ctx: DeliveryTestContext;
let noop: NoopKinesis | undefined;
afterEach(async () => {
  await ctx?.cleanup();
  await noop?.stop();
  noop = undefined;
});

function withPayloadOf(bytes: number) {
  const [message] = makeMessages(1, 1);
  if (!message) throw new Error('fixture');
  message.payload = { record: { id: 1, blob: 'z'.repeat(bytes) } };
  return message;
}

describe('the record size limit', () => {
  it('is the one the stream reports through DescribeStreamSummary', async () => {
    noop = await startNoopKinesis({ maxRecordSizeKiB: 2 });
    ctx = await setupDeliveryTest({ endpoint: noop.endpoint, sink: { maxRecordSizeBytes: 1024 * 1024 } });
    await ctx.append([withPayloadOf(3_000)]);
    await ctx.startEngine();
    const [row] = await waitFor('the message to fail', async () => {
      const state = await ctx.state();
      return state[0]?.state === 'failing' ? state : null;
    });
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: row?.id ?? 0n });
    expect(detail.lastError?.code).toBe('RecordTooLarge');
    expect(detail.lastError?.message).toContain("over the stream's limit of 2.0 KiB (2,048 bytes)");
    expect(noop.recordsReceived()).toBe(0);
  });

  it("falls back to the sink's setting when DescribeStreamSummary is not permitted", async () => {
    ctx = await setupDeliveryTest({ withProxy: true, sink: { maxRecordSizeBytes: 4_096 } });
    ctx.proxy.failRequests((target) =>
      target === 'DescribeStreamSummary'
        ? {
            status: 400,
            body: {
              __type: 'AccessDeniedException',
              message: 'not authorized to perform: kinesis:DescribeStreamSummary',
            },
          }
        : null,
    );
    const small = makeMessages(1, 1, { firstLsn: 10 })[0];
    if (!small) throw new Error('fixture');
    small.group = 'small';
    await ctx.append([withPayloadOf(5_000), small]);
    await ctx.startEngine();
    await waitFor('the big one failing and the small one delivered', async () => {
      const states = (await ctx.state()).map((m) => m.state).sort();
      return states.join() === 'delivered,failing';
    });
    const failing = (await ctx.state()).find((m) => m.state === 'failing');
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: failing?.id ?? 0n });
    expect(detail.lastError?.message).toContain("over the stream's limit of 4.0 KiB (4,096 bytes)");
  });
});

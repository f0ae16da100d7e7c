import { SecretBox } from '@shardline/core';
import { getMessage, updateSink } from '@shardline/db';
import { createEngineMetrics, type EngineMetrics } from '@shardline/metrics';
import {
  createTestStream,
  type NoopKinesis,
  readAllRecords,
  type StreamRecord,
  startNoopKinesis,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryTestContext,
  expectCommitOrderPerGroup,
  makeMessages,
  positionOf,
  setupDeliveryTest,
  TEST_SECRET_KEY,
  waitFor,
} from './harness';

let ctx: DeliveryTestContext;
let noop: NoopKinesis | undefined;
afterEach(async () => {
  await ctx?.cleanup();
  await noop?.stop();
  noop = undefined;
});

const GROUPS = 6;
const COUNT = 120;

/** Orders of even-numbered groups are European, the others American. */
function ordersWithRegions() {
  return makeMessages(COUNT, GROUPS).map((message) => {
    const payload = message.payload as { record: { id: string; seq: number } };
    const region = Number(payload.record.id.split('-')[1]) % 2 === 0 ? 'eu' : 'us';
    return { ...message, payload: { ...payload, record: { ...payload.record, region } } };
  });
}

function routingBy(euArn: string, usArn: string, extra = ''): string {
  return `(message) => {
    ${extra}
    return message.record.region === 'eu' ? ${JSON.stringify(euArn)} : { streamArn: ${JSON.stringify(usArn)} };
  }`;
}

/** Each position once (a record resent after a timeout counts where it first arrived). */
function firstArrivals(records: StreamRecord[]): StreamRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = positionOf(record).join(':');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the engine's /metrics says each stream of the sink took, by its `stream` label. */
async function deliveredByStream(metrics: EngineMetrics, sinkId: string): Promise<Record<string, number>> {
  const { values } = await metrics.messagesDeliveredByStream.get();
  return Object.fromEntries(
    values
      .filter((value) => value.labels.sink_id === sinkId)
      .map((value) => [value.labels.stream, value.value]),
  );
}

function regionsOf(records: StreamRecord[]): Set<string> {
  return new Set(records.map((record) => JSON.parse(record.data).record.region as string));
}

describe('routing each message to a stream', () => {
  it('sends each order to the EU or US stream by its region, in order per group, none missing', async () => {
    ctx = await setupDeliveryTest();
    const secretBox = new SecretBox(TEST_SECRET_KEY);
    const eu = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
    const us = await createTestStream(kinesisEndpoint(), { shardCount: 1 });
    await updateSink(ctx.db, {
      secretBox,
      sinkId: ctx.sink.id,
      input: { routingSource: routingBy(eu.streamArn, us.streamArn) },
    });
    await ctx.append(ordersWithRegions());
    const metrics = createEngineMetrics();
    await ctx.startEngine({ metrics });
    await ctx.waitUntilAllDelivered();

    const half = COUNT / 2;
    // Metrics per stream: each stream's deliveries under its own label.
    expect(await deliveredByStream(metrics, ctx.sink.id)).toEqual({
      [eu.streamArn]: half,
      [us.streamArn]: half,
    });
    const euRecords = await readAllRecords(kinesisEndpoint(), eu.streamArn, {
      expectCount: half,
      timeoutMs: 30_000,
    });
    const usRecords = await readAllRecords(kinesisEndpoint(), us.streamArn, {
      expectCount: half,
      timeoutMs: 30_000,
    });
    for (const [records, region] of [
      [euRecords, 'eu'],
      [usRecords, 'us'],
    ] as const) {
      const unique = firstArrivals(records);
      expect(unique).toHaveLength(half);
      expect(regionsOf(unique)).toEqual(new Set([region]));
      expectCommitOrderPerGroup(unique);
    }

    // Each delivered message says which stream it went to.
    const [first] = await ctx.state();
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: first?.id ?? 0n });
    expect(detail.delivered?.streamArn).toBe(eu.streamArn);
  });

  it('fails only the message whose routing throws, with a clear error, and delivers it once fixed', async () => {
    ctx = await setupDeliveryTest();
    const secretBox = new SecretBox(TEST_SECRET_KEY);
    const eu = await createTestStream(kinesisEndpoint(), { shardCount: 1 });
    const us = await createTestStream(kinesisEndpoint(), { shardCount: 1 });
    const failingSeq = 13;
    await updateSink(ctx.db, {
      secretBox,
      sinkId: ctx.sink.id,
      input: {
        routingSource: routingBy(
          eu.streamArn,
          us.streamArn,
          `if (message.record.seq === ${failingSeq}) throw new Error('no region for this order');`,
        ),
      },
    });
    await ctx.append(ordersWithRegions());
    await ctx.startEngine();

    const failingGroup = `order-${failingSeq % GROUPS}`;
    const failing = await waitFor('the routed message to fail', async () => {
      const row = (await ctx.state()).find((m) => m.group === failingGroup && m.state === 'failing');
      return row ?? null;
    });
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: failing.id });
    expect(detail.lastError?.code).toBe('routing_failed');
    expect(detail.lastError?.message).toMatch(/the router threw: Error: no region for this order/);

    // Every other group is delivered in full; the failing message's group waits behind it.
    await waitFor('the other groups delivered', async () =>
      (await ctx.state()).filter((m) => m.group !== failingGroup).every((m) => m.state === 'delivered'),
    );
    const waiting = (await ctx.state()).filter((m) => m.group === failingGroup && m.state !== 'delivered');
    expect(waiting[0]?.id).toBe(failing.id);

    // A fixed routing function applies to messages not yet delivered: the failed one is retried.
    await updateSink(ctx.db, {
      secretBox,
      sinkId: ctx.sink.id,
      input: { routingSource: routingBy(eu.streamArn, us.streamArn) },
    });
    await ctx.waitUntilAllDelivered();
    const usRecords = firstArrivals(
      await readAllRecords(kinesisEndpoint(), us.streamArn, { expectCount: COUNT / 2, timeoutMs: 30_000 }),
    );
    expect(usRecords).toHaveLength(COUNT / 2);
    expectCommitOrderPerGroup(usRecords);
  });

  it('fails a message routed to something that is not a stream ARN', async () => {
    ctx = await setupDeliveryTest();
    const secretBox = new SecretBox(TEST_SECRET_KEY);
    await updateSink(ctx.db, {
      secretBox,
      sinkId: ctx.sink.id,
      input: { routingSource: `(message) => 'orders-' + message.record.region` },
    });
    await ctx.append(ordersWithRegions().slice(0, 1));
    await ctx.startEngine();
    const failing = await waitFor('the message to fail', async () => {
      const [row] = await ctx.state();
      return row?.state === 'failing' ? row : null;
    });
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: failing.id });
    expect(detail.lastError?.code).toBe('invalid_routed_stream');
    expect(detail.lastError?.message).toMatch(/"orders-eu" is not a Kinesis stream ARN/);
  });

  it("holds a routed record to the routed stream's own size limit, naming that stream", async () => {
    // The sink's stream reports no limit (the sink's 1 MiB applies); the routed one reports 2 KiB.
    noop = await startNoopKinesis({
      maxRecordSizeKiB: (streamName) => (streamName === 'orders-small' ? 2 : undefined),
    });
    ctx = await setupDeliveryTest({ endpoint: noop.endpoint, sink: { maxRecordSizeBytes: 1024 * 1024 } });
    const smallArn = ctx.sink.streamArn.replace(/stream\/.+$/, 'stream/orders-small');
    await updateSink(ctx.db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      sinkId: ctx.sink.id,
      input: { routingSource: routingBy(smallArn, ctx.sink.streamArn) },
    });
    // One 3,000-byte order to each stream: over 2 KiB, well under 1 MiB.
    const [euOrder, usOrder] = ordersWithRegions()
      .slice(0, 2)
      .map((message) => {
        const payload = message.payload as { record: Record<string, unknown> };
        return {
          ...message,
          payload: { ...payload, record: { ...payload.record, blob: 'z'.repeat(3_000) } },
        };
      });
    if (!euOrder || !usOrder) throw new Error('fixture');
    await ctx.append([euOrder, usOrder]);
    await ctx.startEngine();
    const states = await waitFor('one failing, one delivered', async () => {
      const rows = await ctx.state();
      return rows
        .map((row) => row.state)
        .sort()
        .join() === 'delivered,failing'
        ? rows
        : null;
    });
    const failing = states.find((row) => row.state === 'failing');
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: failing?.id ?? 0n });
    expect(JSON.parse(detail.payload).record.region).toBe('eu');
    expect(detail.lastError?.code).toBe('RecordTooLarge');
    expect(detail.lastError?.message).toContain(
      'over the limit of its routed stream orders-small of 2.0 KiB (2,048 bytes): it was not sent',
    );
    // Only the order routed to the sink's own stream reached Kinesis.
    expect(noop.recordsReceived()).toBe(1);
  });
});

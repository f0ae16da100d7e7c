import { discardMessages, getMessage, retryMessages } from '@shardline/db';
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

describe('a record over the size limit', () => {
  it('fails at once with its size and the limit, blocks only its own group, and frees it when discarded', async () => {
    ctx = await setupDeliveryTest();
    const messages = makeMessages(60, 6);
    // Message 6 is the second of group order-0; give it a payload well over 1 MiB.
    const big = messages[6];
    if (!big) throw new Error('fixture too small');
    big.payload = {
      record: { id: 'order-0', blob: 'x'.repeat(1_200_000) },
      metadata: { commit_lsn: Number(big.commitLsn), commit_idx: big.commitIdx },
    };
    await ctx.append(messages);
    await ctx.startEngine();

    const bigRow = await waitFor('the big message to fail', async () => {
      const row = (await ctx.state()).find((m) => m.lsn === big.commitLsn && m.idx === big.commitIdx);
      return row?.state === 'failing' ? row : null;
    });
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: bigRow.id });
    expect(detail.lastError?.code).toBe('RecordTooLarge');
    expect(detail.lastError?.message).toMatch(
      /The record is 1\.14 MiB \(1,200,\d{3} bytes\).*over the stream's limit of 1\.00 MiB \(1,048,576 bytes\): it was not sent/,
    );

    // Other groups flow; the big message's group waits behind it.
    await waitFor('other groups delivered', async () =>
      (await ctx.state()).filter((m) => m.group !== 'order-0').every((m) => m.state === 'delivered'),
    );
    await waitFor('retries counted', async () => {
      const detailNow = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: bigRow.id });
      return detailNow.deliverCount >= 3;
    });
    const group0 = (await ctx.state()).filter((m) => m.group === 'order-0');
    expect(group0.map((m) => m.state)).toEqual(['delivered', 'failing', ...Array(8).fill('pending')]);
    const history = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: bigRow.id });
    expect(history.attempts.length).toBeGreaterThanOrEqual(3);
    expect(history.attempts.every((a) => a.errorCode === 'RecordTooLarge' && a.trigger === 'scheduled')).toBe(
      true,
    );

    // A person's "retry now" makes the next attempt happen at once, and the history says so.
    const attemptsBefore = history.attempts.length;
    expect(await retryMessages(ctx.db, { sinkId: ctx.sink.id, selection: { ids: [bigRow.id] } })).toBe(1);
    const manual = await waitFor('the manual attempt', async () => {
      const detailNow = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: bigRow.id });
      return detailNow.attempts.find((a, i) => i >= attemptsBefore && a.trigger === 'manual') ?? null;
    });
    expect(manual.errorCode).toBe('RecordTooLarge');

    await discardMessages(ctx.db, {
      sinkId: ctx.sink.id,
      selection: { ids: [bigRow.id] },
      by: 'ops@example.com',
    });
    await waitFor('group order-0 delivered after the discard', async () =>
      (await ctx.state()).filter((m) => m.id !== bigRow.id).every((m) => m.state === 'delivered'),
    );
    const records = await ctx.readStream(59);
    expect(records).toHaveLength(59);
    expect(records.some((r) => r.data.includes('xxxxxxxx'))).toBe(false);
    expectCommitOrderPerGroup(records);
  });

  it('is discarded after the sink maximum of attempts, saying why', async () => {
    ctx = await setupDeliveryTest({ sink: { maxAttempts: 2 } });
    const [only] = makeMessages(1, 1);
    if (!only) throw new Error('fixture');
    only.payload = { blob: 'y'.repeat(1_100_000) };
    await ctx.append([only]);
    await ctx.startEngine();
    const row = await waitFor('the message to be given up on', async () => {
      const [m] = await ctx.state();
      return m?.state === 'discarded' ? m : null;
    });
    expect(row.deliverCount).toBe(2);
    const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: row.id });
    expect(detail.discarded?.by).toBe('shardline');
    expect(detail.discarded?.reason).toMatch(
      /gave up after 2 attempts \(the sink's maximum\); last error: The record is/,
    );
  });
});

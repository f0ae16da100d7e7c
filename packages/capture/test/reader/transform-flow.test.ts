import { SecretBox } from '@shardline/core';
import { createTransform, getMessage, getSink, retryMessages, updateSink } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest, TEST_SECRET_KEY } from '../harness';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

const DOCUMENTS = `CREATE TABLE documents (id bigint PRIMARY KEY, title text NOT NULL, body text)`;
const DROP_BODY = `(message) => {
  const { body, ...record } = message.record;
  return { ...message, record };
}`;
// Over Kinesis' 1 MiB record limit once it is a message.
const OVERSIZE_BODY = `repeat('x', 1200000)`;

async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function failingWithSize(context: CaptureTestContext) {
  const [stored] = await context.db.pool
    .query<{ id: string }>(`SELECT id FROM message WHERE sink_id = $1 AND state = 'failing'`, [
      context.sinks[0]?.sink.id,
    ])
    .then((result) => result.rows);
  if (!stored) return null;
  const detail = await getMessage(context.db, {
    sinkId: context.sinks[0]?.sink.id ?? '',
    id: BigInt(stored.id),
  });
  return detail.lastError?.code === 'RecordTooLarge' ? detail : null;
}

async function attachDropBody(context: CaptureTestContext): Promise<void> {
  const transform = await createTransform(context.db, {
    input: { name: 'drop body', kind: 'code', body: DROP_BODY },
  });
  await updateSink(context.db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    sinkId: context.sinks[0]?.sink.id ?? '',
    input: { transformId: transform.id },
  });
}

describe('the reference flow: a record too large, fixed by a transform', () => {
  it('fails with the size error, then the next automatic retry delivers it without the large column', async () => {
    ctx = await setupCaptureTest({ schemaSql: DOCUMENTS, sinks: [{ tables: [{ name: 'documents' }] }] });
    ctx.startCapture();
    await ctx.waitUntilReading();
    await ctx.startDelivery();
    await ctx.sql(`INSERT INTO documents VALUES (1, 'the big one', ${OVERSIZE_BODY})`);

    const failing = await waitUntil('the row to fail for its size', () => failingWithSize(ctx));
    expect(failing.lastError?.message).toMatch(/over the stream's limit of 1\.00 MiB/);

    await attachDropBody(ctx);
    const records = await ctx.sinks[0]?.readStream(1);
    const sent = JSON.parse(records?.[0]?.data ?? '{}');
    expect(sent.record).toEqual({ id: 1, title: 'the big one' });
    expect(sent.metadata.table_name).toBe('documents');
    const detail = await getMessage(ctx.db, { sinkId: failing.sinkId, id: failing.id });
    expect(detail.state).toBe('delivered');
    expect(detail.attempts.every((attempt) => attempt.trigger === 'scheduled')).toBe(true);
  });

  it('is delivered by a manual Retry now, long before the next automatic retry', async () => {
    ctx = await setupCaptureTest({ schemaSql: DOCUMENTS, sinks: [{ tables: [{ name: 'documents' }] }] });
    ctx.startCapture();
    await ctx.waitUntilReading();
    // After its first failure the message would wait ten minutes for an automatic retry.
    await updateSink(ctx.db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      sinkId: ctx.sinks[0]?.sink.id ?? '',
      input: { backoffCapMs: 3_600_000 },
    });
    await ctx.startDelivery({ initialRetryDelayMs: 600_000 });
    await ctx.sql(`INSERT INTO documents VALUES (2, 'another big one', ${OVERSIZE_BODY})`);
    const failing = await waitUntil('the row to fail for its size', () => failingWithSize(ctx));

    await attachDropBody(ctx);
    expect(await retryMessages(ctx.db, { sinkId: failing.sinkId, selection: { ids: [failing.id] } })).toBe(1);
    const records = await ctx.sinks[0]?.readStream(1);
    expect(JSON.parse(records?.[0]?.data ?? '{}').record).toEqual({ id: 2, title: 'another big one' });
    const detail = await getMessage(ctx.db, { sinkId: failing.sinkId, id: failing.id });
    expect(detail.state).toBe('delivered');
    // The sink page shows the transform attached, at its first version.
    const sink = await getSink(ctx.db, { sinkId: failing.sinkId });
    expect(sink.transform).toMatchObject({ name: 'drop body', version: 1 });
  });
});

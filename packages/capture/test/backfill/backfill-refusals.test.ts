import { NotFoundError, SecretBox, ValidationError } from '@shardline/core';
import { createSink, startBackfill } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { asRefusal } from '../../src';
import { type CaptureTestContext, setupCaptureTest, TEST_SECRET_KEY } from '../harness';
import { waitForBackfill } from './backfill-helpers';

let ctx: CaptureTestContext | undefined;
afterEach(async () => {
  await ctx?.cleanup();
  ctx = undefined;
});

const SCHEMA = `
  CREATE TABLE items (id int PRIMARY KEY, label text);
  CREATE TABLE events (kind text NOT NULL, at timestamptz NOT NULL);
  ALTER TABLE events REPLICA IDENTITY FULL;
  INSERT INTO items SELECT g, 'row' FROM generate_series(1, 10) AS g;
  INSERT INTO events SELECT 'e', now() FROM generate_series(1, 10);
`;

describe('backfill refusals', () => {
  it('names what is wrong: an unknown sink, a sink without a source, a table it does not take, a table without a primary key', async () => {
    const context = await setupCaptureTest({
      schemaSql: SCHEMA,
      sinks: [{ tables: [{ name: 'items' }, { name: 'events', groupColumns: ['kind'] }] }],
    });
    ctx = context;
    const sinkId = context.sinks[0]?.sink.id ?? '';

    const unknown = startBackfill(context.db, { sinkId: '00000000-0000-4000-8000-000000000000' });
    await expect(unknown).rejects.toThrow(NotFoundError);
    await expect(unknown).rejects.toThrow('sink 00000000-0000-4000-8000-000000000000 does not exist');
    await expect(startBackfill(context.db, { sinkId: 'nope' })).rejects.toThrow(ValidationError);

    const withoutSource = await createSink(context.db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      input: { name: 'ingest-only', streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/x' },
    });
    await expect(startBackfill(context.db, { sinkId: withoutSource.id })).rejects.toThrow(
      'the sink "ingest-only" has no source: its messages only come through the store\'s ingest, so there are no tables to backfill',
    );
    await expect(startBackfill(context.db, { sinkId, tables: [{ name: 'orders' }] })).rejects.toThrow(
      'the sink "sink-0" does not take table public.orders (its tables: public.events, public.items)',
    );
    await expect(startBackfill(context.db, { sinkId, tables: [] })).rejects.toThrow(
      /choose at least one table/,
    );

    context.startCapture({ backfill: { pollIntervalMs: 100 } });
    const noKey = await startBackfill(context.db, { sinkId, tables: [{ name: 'events' }] });
    const failed = await waitForBackfill(context, noKey.id, (b) => b.state !== 'running');
    expect(failed).toMatchObject({ state: 'failed', rowsDone: 0 });
    expect(failed.lastError).toMatch(
      /^table public\.events has no primary key: a backfill reads rows in primary-key order/,
    );
    expect(failed.finishedAt).toBeInstanceOf(Date);

    // The sink's other tables are unaffected, and a new backfill may start after a failed one.
    const items = await startBackfill(context.db, { sinkId, tables: [{ name: 'items' }] });
    const done = await waitForBackfill(context, items.id, (b) => b.state !== 'running');
    expect(done).toMatchObject({ state: 'done', rowsDone: 10, lastError: null });
  });

  it('explains a source role that may not lock rows, and lets passing errors be retried', () => {
    const denied = Object.assign(new Error('permission denied for table items'), { code: '42501' });
    expect(asRefusal(denied, 'public.items')?.message).toBe(
      'the source role may not lock the rows of public.items (permission denied for table items): a backfill ' +
        'reads each page FOR SHARE, which needs the UPDATE privilege on the table, so that no change of those ' +
        'rows can overtake their read. Grant it, then resume the backfill.',
    );
    const reset = Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
    expect(asRefusal(reset, 'public.items')).toBeNull();
  });
});

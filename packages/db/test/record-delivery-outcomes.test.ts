import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLaneLease, appendMessages, getMessage, recordDeliveryOutcomes } from '../src';
import { createTestSink, message, openTestDatabase } from './fixtures';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('recordDeliveryOutcomes written twice', () => {
  // What a writer does when the connection broke after the commit but before the answer.
  it('counts each attempt once: deliver counts, states and the error history are as after one write', async () => {
    const opened = await openTestDatabase();
    close = opened.close;
    const { db } = opened;
    const sink = await createTestSink(db);
    await appendMessages(db, { sinkId: sink.id, messages: [message(100, 0, 'a'), message(100, 1, 'b')] });
    const rows = await db.pool.query<{ id: string; group_key: string; lane: number }>(
      'SELECT id, group_key, lane FROM message WHERE sink_id = $1 ORDER BY group_key',
      [sink.id],
    );
    const [a, b] = rows.rows.map((row) => ({ id: BigInt(row.id), lane: row.lane }));
    if (!a || !b) throw new Error('expected two messages');

    // One token per lane: when both messages share a lane, the second write holds it already.
    const tokens = new Map<number, string>();
    const write = async (lane: number, outcome: 'delivered' | 'failed', id: bigint) => {
      const token = tokens.get(lane) ?? randomUUID();
      tokens.set(lane, token);
      const lease = await acquireLaneLease(db, { sinkId: sink.id, lane, token, leaseMs: 30_000 });
      if (lease.kind !== 'acquired' && lease.kind !== 'busy')
        throw new Error(`lane ${lane} is ${lease.kind}`);
      const outcomes = {
        sinkId: sink.id,
        lane,
        token,
        leaseMs: 30_000,
        delivered:
          outcome === 'delivered' ? [{ id, shardId: 'shardId-000000000001', sequenceNumber: '42' }] : [],
        failed:
          outcome === 'failed'
            ? [
                {
                  id,
                  attemptNumber: 1,
                  trigger: 'scheduled' as const,
                  errorCode: 'InternalFailure',
                  errorMessage: 'Internal service failure.',
                  durationMs: 12,
                  retryInMs: 60_000,
                  throttled: false,
                  giveUpReason: null,
                },
              ]
            : [],
      };
      await recordDeliveryOutcomes(db, outcomes);
      await recordDeliveryOutcomes(db, outcomes);
    };
    await write(a.lane, 'delivered', a.id);
    await write(b.lane, 'failed', b.id);

    const delivered = await getMessage(db, { sinkId: sink.id, id: a.id });
    expect(delivered).toMatchObject({ state: 'delivered', deliverCount: 1 });
    const failing = await getMessage(db, { sinkId: sink.id, id: b.id });
    expect(failing).toMatchObject({ state: 'failing', deliverCount: 1 });
    expect(failing.attempts).toHaveLength(1);
    expect(failing.lastError?.code).toBe('InternalFailure');
  });
});

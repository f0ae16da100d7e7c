import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendMessages,
  countMessages,
  type Database,
  discardMessages,
  getMessage,
  type IncomingMessage,
  listMessages,
  retryMessages,
} from '../src';
import { createTestSink, message, openTestDatabase } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

/** Puts messages in the failing state as a failed delivery would, with an error code. */
async function markFailing(sinkId: string, where: string, errorCode: string): Promise<void> {
  await db.pool.query(
    `UPDATE message SET state = 'failing', deliver_count = deliver_count + 1, last_error_code = $2,
            last_error_message = 'it failed', last_error_at = now(), next_attempt_at = now() + interval '1 hour'
      WHERE sink_id = $1 AND ${where}`,
    [sinkId, errorCode],
  );
}

async function seed(count: number, build: (i: number) => IncomingMessage): Promise<string> {
  const sink = await createTestSink(db);
  for (let start = 0; start < count; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, count - start) }, (_, i) => build(start + i));
    await appendMessages(db, { sinkId: sink.id, messages: batch });
  }
  return sink.id;
}

describe('listing messages', () => {
  it('pages through a state in position order with a cursor, without gaps or repeats', async () => {
    const sinkId = await seed(120, (i) => message(1000 + Math.floor(i / 7), i % 7, `g${i % 5}`));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listMessages>> = await listMessages(db, {
        sinkId,
        state: 'pending',
        limit: 25,
        after,
      });
      seen.push(...page.messages.map((m) => `${m.commitLsn}:${m.commitIdx}`));
      after = page.nextCursor;
    } while (after);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const sorted = [...seen].sort((a, b) => {
      const [al, ai] = a.split(':').map(Number);
      const [bl, bi] = b.split(':').map(Number);
      return (al ?? 0) - (bl ?? 0) || (ai ?? 0) - (bi ?? 0);
    });
    expect(seen).toEqual(sorted);
  });

  it('filters by table, action, group and error code', async () => {
    const sinkId = await seed(40, (i) =>
      message(2000 + i, 0, `g${i % 4}`, {
        tableName: i % 2 === 0 ? 'orders' : 'customers',
        action: i % 4 === 0 ? 'delete' : 'insert',
      }),
    );
    await markFailing(sinkId, `group_key = 'g1'`, 'ProvisionedThroughputExceededException');
    await markFailing(sinkId, `group_key = 'g3'`, 'RecordTooLarge');

    const orders = await listMessages(db, {
      sinkId,
      state: 'pending',
      filter: { table: 'public.orders' },
    });
    expect(orders.messages.every((m) => m.tableName === 'orders')).toBe(true);
    expect(orders.messages).toHaveLength(20);
    const deletes = await listMessages(db, { sinkId, state: 'pending', filter: { action: 'delete' } });
    expect(deletes.messages.map((m) => m.group)).toEqual(Array(10).fill('g0'));
    const tooLarge = await listMessages(db, {
      sinkId,
      state: 'failing',
      filter: { errorCode: 'RecordTooLarge' },
    });
    expect(tooLarge.messages.map((m) => m.group)).toEqual(Array(10).fill('g3'));
    expect(tooLarge.messages[0]?.lastError).toMatchObject({ code: 'RecordTooLarge', message: 'it failed' });
    const group = await listMessages(db, { sinkId, state: 'failing', filter: { group: 'g1' } });
    expect(group.messages).toHaveLength(10);
  });

  it('rejects a cursor it did not issue', async () => {
    const sinkId = await seed(1, (i) => message(3000 + i, 0, 'g'));
    await expect(listMessages(db, { sinkId, state: 'pending', after: 'bogus' })).rejects.toThrow(
      /cursor is not valid/,
    );
  });
});

describe('retry now and discard', () => {
  it('retries one failing message now and records that a person asked', async () => {
    const sinkId = await seed(3, (i) => message(4000 + i, 0, `g${i}`));
    await markFailing(sinkId, 'true', 'InternalFailure');
    const { messages } = await listMessages(db, { sinkId, state: 'failing' });
    const target = messages[1];
    expect(await retryMessages(db, { sinkId, selection: { ids: [target?.id ?? 0n] } })).toBe(1);
    const detail = await getMessage(db, { sinkId, id: target?.id ?? 0n });
    expect(detail.nextAttemptTrigger).toBe('manual');
    expect(detail.nextAttemptAt?.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    const untouched = await getMessage(db, { sinkId, id: messages[0]?.id ?? 0n });
    expect(untouched.nextAttemptTrigger).toBe('scheduled');
  });

  it('discards every stored message matching a filter, however many, and records who did it', async () => {
    const sinkId = await seed(12_345, (i) =>
      message(10_000 + i, 0, `g${i % 100}`, { tableName: i % 3 === 0 ? 'audit' : 'orders' }),
    );
    const matching = Array.from({ length: 12_345 }, (_, i) => i).filter((i) => i % 3 === 0).length;
    const discarded = await discardMessages(db, {
      sinkId,
      selection: { filter: { table: 'audit' } },
      by: 'ops@example.com',
      reason: 'audit rows are not needed downstream',
    });
    expect(discarded).toBe(matching);
    const counts = await countMessages(db, { sinkId });
    expect(counts).toMatchObject({ discarded: matching, pending: 12_345 - matching });
    const page = await listMessages(db, { sinkId, state: 'discarded', limit: 1 });
    expect(page.messages[0]?.discarded).toMatchObject({
      by: 'ops@example.com',
      reason: 'audit rows are not needed downstream',
    });
  });

  it('retries every failing message with an error code across chunks', async () => {
    const sinkId = await seed(11_000, (i) => message(50_000 + i, 0, `g${i}`));
    await markFailing(sinkId, 'commit_lsn % 2 = 0', 'ProvisionedThroughputExceededException');
    await markFailing(sinkId, 'commit_lsn % 2 = 1', 'AccessDeniedException');
    const retried = await retryMessages(db, {
      sinkId,
      selection: { filter: { errorCode: 'ProvisionedThroughputExceededException' } },
    });
    expect(retried).toBe(5_500);
    const due = await db.pool.query<{ count: string }>(
      `SELECT count(*) FROM message WHERE sink_id = $1 AND next_attempt_at <= now() AND next_attempt_trigger = 'manual'`,
      [sinkId],
    );
    expect(Number(due.rows[0]?.count)).toBe(5_500);
  });

  it('never discards a delivered message and refuses an empty selection', async () => {
    const sinkId = await seed(2, (i) => message(60_000 + i, 0, `g${i}`));
    await db.pool.query(`UPDATE message SET state = 'delivered', delivered_at = now() WHERE sink_id = $1`, [
      sinkId,
    ]);
    expect(await discardMessages(db, { sinkId, selection: { filter: {} }, by: 'ops' })).toBe(0);
    await expect(discardMessages(db, { sinkId, selection: { ids: [] }, by: 'ops' })).rejects.toThrow(
      /no messages selected/,
    );
    await expect(discardMessages(db, { sinkId, selection: { filter: {} }, by: '' })).rejects.toThrow(
      /say who discards/,
    );
  });
});

import { appendMessages, type Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createOperation } from '../app/api/v1/sinks/[id]/bulk-operations/route';
import { GET as getMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/route';
import { GET as countMessages } from '../app/api/v1/sinks/[id]/messages/counts/route';
import { GET as listMessages } from '../app/api/v1/sinks/[id]/messages/route';
import { call, openApiHarness } from './api-harness';
import { orderMessage, storedSinkId } from './stored-messages-fixture';

// Issue 18, point 1: the API names where a message stands in one vocabulary (waiting with its
// reason, sending, failing, delivered, discarded), derived from the stored states.

let db: Database;
let close: () => Promise<void>;
let sinkId: string;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  sinkId = await storedSinkId(db, 'states');
  const message = (lsn: number, group: string) => orderMessage(lsn, group, { action: 'update' });
  // Group a: a failing head with two messages behind it. Group b: a throttled head, and one
  // scheduled for later. Group c: one due now, one inside a request under way.
  await appendMessages(db, {
    sinkId,
    messages: [
      message(10, 'a'),
      message(11, 'a'),
      message(12, 'a'),
      message(20, 'b'),
      message(30, 'c'),
      message(40, 'd'),
      message(50, 'e'),
    ],
  });
  await db.pool.query(
    `UPDATE message SET state = 'failing', deliver_count = 3, last_error_code = 'AccessDeniedException',
            last_error_message = 'no', last_error_at = now(), next_attempt_at = now() + interval '1 minute'
      WHERE sink_id = $1 AND commit_lsn = 10`,
    [sinkId],
  );
  await db.pool.query(
    `UPDATE message SET deliver_count = 1, throttled_count = 1, last_error_code = 'ProvisionedThroughputExceededException',
            last_error_message = 'slow down', last_error_at = now(), next_attempt_at = now() + interval '1 second'
      WHERE sink_id = $1 AND commit_lsn = 20`,
    [sinkId],
  );
  await db.pool.query(
    `UPDATE message SET next_attempt_at = now() + interval '1 hour' WHERE sink_id = $1 AND commit_lsn = 40`,
    [sinkId],
  );
  const sending = await idAt(50);
  const lane = await db.pool.query<{ lane: number }>('SELECT lane FROM message WHERE id = $1', [sending]);
  await db.pool.query(
    `INSERT INTO delivery_lane (sink_id, lane, lease_token, lease_expires_at, in_flight_ids)
     VALUES ($1, $2, gen_random_uuid(), now() + interval '1 minute', ARRAY[$3::int8])
     ON CONFLICT (sink_id, lane) DO UPDATE SET lease_token = excluded.lease_token,
       lease_expires_at = excluded.lease_expires_at, in_flight_ids = excluded.in_flight_ids`,
    [sinkId, lane.rows[0]?.lane, sending],
  );
});
afterAll(() => close());

async function idAt(lsn: number): Promise<string> {
  const result = await db.pool.query<{ id: string }>(
    'SELECT id FROM message WHERE sink_id = $1 AND commit_lsn = $2',
    [sinkId, lsn],
  );
  return result.rows[0]?.id ?? '';
}

const list = (query: Record<string, string>) =>
  call(listMessages, { path: `/api/v1/sinks/${sinkId}/messages`, params: { id: sinkId }, query });

describe('message status in the API', () => {
  it('says why each waiting message waits, and which failing message blocks a group', async () => {
    const answer = await list({ state: 'waiting' });
    expect(answer.status, answer.text).toBe(200);
    const byLsn = Object.fromEntries(
      answer.body.messages.map((m: Record<string, unknown>) => [
        m.commitLsn,
        { state: m.state, status: m.status, waitingReason: m.waitingReason, blockedBy: m.blockedBy },
      ]),
    );
    const failingId = await idAt(10);
    expect(byLsn).toEqual({
      '11': { state: 'pending', status: 'waiting', waitingReason: 'blocked', blockedBy: failingId },
      '12': { state: 'pending', status: 'waiting', waitingReason: 'blocked', blockedBy: failingId },
      '20': { state: 'pending', status: 'waiting', waitingReason: 'throttled', blockedBy: null },
      '30': { state: 'pending', status: 'waiting', waitingReason: 'due', blockedBy: null },
      '40': { state: 'pending', status: 'waiting', waitingReason: 'scheduled', blockedBy: null },
      '50': { state: 'pending', status: 'sending', waitingReason: null, blockedBy: null },
    });
  });

  it('shows the blocking message as failing, and the detail of a blocked one names it', async () => {
    const failing = await list({ state: 'failing' });
    expect(failing.body.messages).toEqual([
      expect.objectContaining({ commitLsn: '10', status: 'failing', waitingReason: null, blockedBy: null }),
    ]);
    const blocked = await idAt(12);
    const detail = await call(getMessage, {
      path: `/api/v1/sinks/${sinkId}/messages/${blocked}`,
      params: { id: sinkId, messageId: blocked },
    });
    expect(detail.body.message).toMatchObject({
      status: 'waiting',
      waitingReason: 'blocked',
      blockedBy: await idAt(10),
    });
  });

  it('takes pending as a deprecated alias of waiting, and refuses an unknown state naming the field', async () => {
    const [waiting, pending] = await Promise.all([list({ state: 'waiting' }), list({ state: 'pending' })]);
    expect(pending.body.messages).toEqual(waiting.body.messages);
    expect((await list({})).body.messages).toEqual(waiting.body.messages);
    const wrong = await list({ state: 'in-flight' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('state');
    expect(wrong.body.error.message).toMatch(/waiting, failing, delivered, discarded/);
  });

  it('counts waiting and sending under those names (the old names kept alongside)', async () => {
    const answer = await call(countMessages, {
      path: `/api/v1/sinks/${sinkId}/messages/counts`,
      params: { id: sinkId },
    });
    expect(answer.body.counts).toMatchObject({
      waiting: 6,
      sending: 1,
      failing: 1,
      delivered: 0,
      discarded: 0,
      pending: 6,
      inFlight: 1,
    });
  });

  it('takes waiting for a bulk discard, and says which states a re-send applies to', async () => {
    const create = (body: unknown) =>
      call(createOperation, {
        method: 'POST',
        path: `/api/v1/sinks/${sinkId}/bulk-operations`,
        params: { id: sinkId },
        body,
      });
    const discard = await create({ action: 'discard', state: 'waiting', filter: { group: 'no-such-group' } });
    expect(discard.status, discard.text).toBe(202);
    expect(discard.body.operation.messageState).toBe('waiting');
    const resendWaiting = await create({ action: 'resend', state: 'waiting', filter: {} });
    expect(resendWaiting.status).toBe(400);
    expect(resendWaiting.body.error.field).toBe('state');
    expect(resendWaiting.body.error.message).toMatch(/delivered messages only/);
  });
});

import { SecretBox } from '@shardline/core';
import {
  appendMessages,
  createSink,
  type Database,
  type IncomingMessage,
  listAuditEvents,
} from '@shardline/db';
import { createTestStream, readAllRecords, type TestStream, waitFor } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOperation } from '../app/api/v1/sinks/[id]/bulk-operations/[operationId]/route';
import { POST as createOperation } from '../app/api/v1/sinks/[id]/bulk-operations/route';
import { POST as resendMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/resend/route';
import { GET as getMessage } from '../app/api/v1/sinks/[id]/messages/[messageId]/route';
import { call, openApiHarness, TEST_ACTOR, TEST_SECRET_KEY } from './api-harness';
import { type InProcessEngine, startEngineInProcess } from './engine-in-process';

// Issue 18, point 5: a delivered message re-sent (a consumer lost data) lands in the stream
// again, as a new manual attempt, one at a time or in bulk by filter, and is audited.

let db: Database;
let close: () => Promise<void>;
let engine: InProcessEngine;
let stream: TestStream;
let sinkId: string;

beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  stream = await createTestStream(kinesisEndpoint());
  const sink = await createSink(db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    input: {
      name: `resend-${Math.random().toString(36).slice(2, 8)}`,
      streamArn: stream.streamArn,
      endpoint: kinesisEndpoint(),
      accessKeyId: 'AKIAEXAMPLEKEY',
      secretAccessKey: 'example-secret',
    },
  });
  sinkId = sink.id;
  engine = await startEngineInProcess({ db });
  const message = (lsn: number, group: string, tableName: string): IncomingMessage => ({
    commitLsn: BigInt(lsn),
    commitIdx: 0,
    group,
    tableSchema: 'public',
    tableName,
    action: 'insert',
    payload: { id: group, lsn },
  });
  await appendMessages(db, {
    sinkId,
    messages: [message(1, 'a', 'orders'), message(2, 'b', 'orders'), message(3, 'c', 'customers')],
  });
  await waitFor('the first three deliveries', () => deliveredLsns(3));
});

afterAll(async () => {
  await engine?.stop();
  await close();
});

/** The stream's records' commit positions once there are at least `count`. */
async function deliveredLsns(count: number): Promise<number[] | null> {
  const records = await readAllRecords(kinesisEndpoint(), stream.streamArn);
  if (records.length < count) return null;
  return records.map((record) => (JSON.parse(record.data) as { lsn: number }).lsn);
}

async function idAt(lsn: number): Promise<string> {
  const result = await db.pool.query<{ id: string }>(
    'SELECT id FROM message WHERE sink_id = $1 AND commit_lsn = $2',
    [sinkId, lsn],
  );
  return result.rows[0]?.id ?? '';
}

const detail = (id: string) =>
  call(getMessage, { path: `/api/v1/sinks/${sinkId}/messages/${id}`, params: { id: sinkId, messageId: id } });

describe('re-sending delivered messages', () => {
  it('sends one again as a manual attempt, counts it, and records who asked', async () => {
    const id = await idAt(1);
    const answer = await call(resendMessage, {
      method: 'POST',
      path: `/api/v1/sinks/${sinkId}/messages/${id}/resend`,
      params: { id: sinkId, messageId: id },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.message).toMatchObject({ id, nextAttemptTrigger: 'manual', delivered: null });

    const again = await waitFor('the message delivered again', async () => {
      const current = await detail(id);
      return current.body.message.status === 'delivered' && current.body.message;
    });
    expect(again.deliverCount).toBe(2);
    expect(again.attempts).toEqual([
      expect.objectContaining({ attemptNumber: 2, trigger: 'manual', outcome: 'delivered', errorCode: null }),
    ]);
    const lsns = await waitFor('a fourth record', () => deliveredLsns(4));
    expect(lsns.slice(0, 3).sort()).toEqual([1, 2, 3]);
    expect(lsns.slice(3)).toEqual([1]);
    const audit = await listAuditEvents(db, { targetType: 'message', targetId: id });
    expect(audit.events).toEqual([expect.objectContaining({ action: 'message.resend', actor: TEST_ACTOR })]);
  });

  it('refuses to re-send a message that is not delivered, and viewers may not', async () => {
    const id = await idAt(2);
    const asViewer = await call(resendMessage, {
      method: 'POST',
      path: `/api/v1/sinks/${sinkId}/messages/${id}/resend`,
      params: { id: sinkId, messageId: id },
      as: 'viewer',
    });
    expect(asViewer.status).toBe(403);
    await db.pool.query(`UPDATE message SET state = 'discarded', discarded_at = now() WHERE id = $1`, [
      await idAt(3),
    ]);
    const discarded = await idAt(3);
    const refused = await call(resendMessage, {
      method: 'POST',
      path: `/api/v1/sinks/${sinkId}/messages/${discarded}/resend`,
      params: { id: sinkId, messageId: discarded },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/discarded: only a delivered message can be re-sent/);
    await db.pool.query(
      `UPDATE message SET state = 'delivered', discarded_at = NULL, delivered_at = now() WHERE id = $1`,
      [discarded],
    );
  });

  it('re-sends every delivered message a filter matches in the background, with the count first', async () => {
    const created = await call(createOperation, {
      method: 'POST',
      path: `/api/v1/sinks/${sinkId}/bulk-operations`,
      params: { id: sinkId },
      body: { action: 'resend', filter: { table: 'orders' } },
    });
    expect(created.status, created.text).toBe(202);
    expect(created.body.operation).toMatchObject({ action: 'resend', messageState: null, total: 2 });
    const operationId = created.body.operation.id;
    const finished = await waitFor('the re-send to finish', async () => {
      const answer = await call(getOperation, {
        path: `/api/v1/sinks/${sinkId}/bulk-operations/${operationId}`,
        params: { id: sinkId, operationId },
      });
      return answer.body.operation.state === 'done' && answer.body.operation;
    });
    expect(finished.done).toBe(2);
    const lsns = await waitFor('two more records', () => deliveredLsns(6));
    expect(lsns.slice(4).sort()).toEqual([1, 2]);
    const resent = await detail(await idAt(2));
    expect(resent.body.message.attempts).toEqual([
      expect.objectContaining({ trigger: 'manual', outcome: 'delivered' }),
    ]);
    const audit = await listAuditEvents(db, { targetType: 'sink', targetId: sinkId, action: 'bulk.resend' });
    expect(audit.events).toEqual([
      expect.objectContaining({
        action: 'bulk.resend',
        actor: TEST_ACTOR,
        details: expect.objectContaining({
          filter: { table: 'orders' },
          matched: 2,
          done: 2,
          outcome: 'done',
        }),
      }),
    ]);
  });
});

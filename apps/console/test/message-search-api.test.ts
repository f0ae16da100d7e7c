import { ValidationError } from '@shardline/core';
import { appendMessages, boundedBySearch, type Database, type IncomingMessage } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createOperation } from '../app/api/v1/sinks/[id]/bulk-operations/route';
import { GET as downloadPayload } from '../app/api/v1/sinks/[id]/messages/[messageId]/payload/route';
import { GET as countMessages } from '../app/api/v1/sinks/[id]/messages/counts/route';
import { GET as listMessages } from '../app/api/v1/sinks/[id]/messages/route';
import { openApiDocument } from '../lib/server/openapi/document';
import { call, openApiHarness } from './api-harness';
import { orderMessage, storedSinkId } from './stored-messages-fixture';

let db: Database;
let close: () => Promise<void>;
let sinkId: string;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  sinkId = await storedSinkId(db, 'search');
  await appendMessages(db, {
    sinkId,
    messages: [
      // Grouped by customer, as a sink with grouping columns does: the key is not the group.
      order(100, ['42'], 'customer-7', { note: 'Leave at the DOOR' }),
      order(101, ['43'], 'customer-7', { note: '100% cotton_shirt' }),
      order(102, ['7', '42'], 'customer-9', { note: 'composite key' }),
      order(103, ['44'], 'customer-9', { note: 'leave at the door, delivered' }),
    ],
  });
  await db.pool.query(
    `UPDATE message SET state = 'delivered', delivered_at = now() WHERE sink_id = $1 AND commit_lsn = 103`,
    [sinkId],
  );
});
afterAll(() => close());

function order(lsn: number, pks: string[], group: string, record: Record<string, unknown>): IncomingMessage {
  return orderMessage(lsn, group, {
    payload: { record, changes: null, action: 'insert', metadata: { table_name: 'orders', record_pks: pks } },
  });
}

const list = (query: Record<string, string>) =>
  call(listMessages, { path: `/api/v1/sinks/${sinkId}/messages`, params: { id: sinkId }, query });
const notes = (answer: { body: { messages: { commitLsn: string }[] } }) =>
  answer.body.messages.map((message) => message.commitLsn);

describe('searching messages by key', () => {
  it("finds a row's messages by its primary key value, whatever the group", async () => {
    const answer = await list({ key: '42' });
    expect(answer.status).toBe(200);
    expect(notes(answer)).toEqual(['100']);
  });

  it('takes a composite key joined with `:`', async () => {
    expect(notes(await list({ key: '7:42' }))).toEqual(['102']);
    expect(notes(await list({ key: '42:7' }))).toEqual([]);
  });

  it('finds a key whose values hold `:` or characters JSON escapes', async () => {
    await appendMessages(db, {
      sinkId,
      messages: [order(110, ['a:b', 'say "hi"'], 'odd', { note: 'odd key' })],
    });
    expect(notes(await list({ key: 'a:b:say "hi"' }))).toEqual(['110']);
    await db.pool.query(`UPDATE message SET state = 'discarded' WHERE sink_id = $1 AND commit_lsn = 110`, [
      sinkId,
    ]);
  });

  it('combines with the other filters', async () => {
    expect(notes(await list({ key: '42', group: 'customer-9' }))).toEqual([]);
  });
});

describe('searching messages by payload text', () => {
  it('finds text anywhere in the payload, as written there, in the state asked only', async () => {
    expect(notes(await list({ q: 'at the DOOR' }))).toEqual(['100']);
    expect(notes(await list({ q: 'at the door' }))).toEqual([]);
    expect(notes(await list({ q: 'at the door', state: 'delivered' }))).toEqual(['103']);
    // The payload's JSON text: keys and their quotes are part of it.
    expect(notes(await list({ q: '"note":"composite' }))).toEqual(['102']);
  });

  it('matches `%` and `_` as themselves, not as wildcards', async () => {
    expect(notes(await list({ q: '100% cotton_' }))).toEqual(['101']);
    expect(notes(await list({ q: '%' }))).toEqual(['101']);
    expect(notes(await list({ q: 'cotton%shirt' }))).toEqual([]);
  });

  it('counts what a search matches in every state', async () => {
    const answer = await call(countMessages, {
      path: `/api/v1/sinks/${sinkId}/messages/counts`,
      params: { id: sinkId },
      query: { q: 'at the' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.counts).toMatchObject({ pending: 1, delivered: 1, failing: 0 });
  });

  it('applies to a bulk operation by filter, counted when queued', async () => {
    const answer = await call(createOperation, {
      path: `/api/v1/sinks/${sinkId}/bulk-operations`,
      params: { id: sinkId },
      body: { action: 'discard', state: 'pending', filter: { q: 'cotton' } },
    });
    expect(answer.status).toBe(202);
    expect(answer.body.operation).toMatchObject({ total: 1, filter: { q: 'cotton' } });
  });
});

describe('search parameters', () => {
  it.each([
    ['key', ''],
    ['key', 'k'.repeat(1001)],
    ['q', '   '],
    ['q', 'q'.repeat(201)],
  ])('answers %s=%j with a 400 naming the field', async (field, value) => {
    const answer = await list({ [field]: value });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field });
  });

  it('stops a search that reads too long and says which field to narrow', async () => {
    const slow = boundedBySearch(db, { q: 'x' }, (reader) => reader.pool.query('SELECT pg_sleep(2)'), 50);
    await expect(slow).rejects.toThrow(ValidationError);
    await expect(slow).rejects.toMatchObject({ field: 'q' });
  });

  it('are in the OpenAPI document', () => {
    const paths = openApiDocument().paths as Record<string, { get?: { parameters: { name: string }[] } }>;
    const operation = paths['/api/v1/sinks/{id}/messages']?.get ?? { parameters: [] };
    expect(operation.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['key', 'q']),
    );
  });
});

describe('GET /api/v1/sinks/{id}/messages/{messageId}/payload', () => {
  it('downloads the payload byte for byte as stored, as message-<id>.json', async () => {
    const stored = await db.pool.query<{ id: string; payload: string }>(
      'SELECT id, payload::text AS payload FROM message WHERE sink_id = $1 AND commit_lsn = 100',
      [sinkId],
    );
    const { id, payload } = stored.rows[0] ?? { id: '', payload: '' };
    const answer = await call(downloadPayload, {
      path: `/api/v1/sinks/${sinkId}/messages/${id}/payload`,
      params: { id: sinkId, messageId: id },
      as: 'viewer',
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(payload);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="message-${id}.json"`);
  });

  it('answers an unknown message with a 404', async () => {
    const answer = await call(downloadPayload, {
      path: `/api/v1/sinks/${sinkId}/messages/999999999/payload`,
      params: { id: sinkId, messageId: '999999999' },
    });
    expect(answer.status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessages, countMessages, type Database, getMessage, listMessages } from '../src';
import { createTestSink, message, openTestDatabase } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

async function storedCount(sinkId: string): Promise<number> {
  const result = await db.pool.query<{ count: string }>('SELECT count(*) FROM message WHERE sink_id = $1', [
    sinkId,
  ]);
  return Number(result.rows[0]?.count);
}

describe('appendMessages', () => {
  it('stores a batch and keeps the payload byte for byte', async () => {
    const sink = await createTestSink(db);
    const payload = {
      record: { id: 1, note: 'naïve ✓', big: '12345678901234567890' },
      changes: null,
      action: 'insert',
    };
    const result = await appendMessages(db, {
      sinkId: sink.id,
      messages: [message(100, 0, '1', { payload })],
    });
    expect(result).toEqual({ stored: 1, duplicates: 0, configMoved: false });
    const page = await listMessages(db, { sinkId: sink.id, state: 'pending' });
    const stored = await getMessage(db, { sinkId: sink.id, id: page.messages[0]?.id ?? 0n });
    expect(stored.payload).toBe(JSON.stringify(payload));
    expect(stored).toMatchObject({
      group: '1',
      commitLsn: 100n,
      commitIdx: 0,
      deliverCount: 0,
      state: 'pending',
    });
    expect(stored.sizeBytes).toBe(Buffer.byteLength(JSON.stringify(payload)) + 1);
  });

  it('keeps each payload of a batch with its own message, byte for byte, whatever it holds', async () => {
    const sink = await createTestSink(db);
    const payloads: unknown[] = [
      { record: { note: 'a "quoted" word, a back\\slash and a \\"tricky\\" pair' } },
      { record: { nul: '\u0000', separators: '\u001e\u2028\u2029', tab: '\t' } },
      { record: { emoji: '😀', accents: 'naïve café', lone: '\ud800' } },
      { record: { big: 1e21, small: 5e-7, negative: -0.5, list: [1, [2, [3]], { deep: null }] } },
      'a top-level string',
      [1, 'two', { three: 3 }],
      null,
      { '': 'empty key', ' spaced key ': true, 'comma,key': '{"not": "parsed"}' },
    ];
    await appendMessages(db, {
      sinkId: sink.id,
      messages: payloads.map((payload, index) => message(700, index, `g${index}`, { payload })),
    });
    const stored = await db.pool.query<{ commit_idx: number; payload: string }>(
      'SELECT commit_idx, payload::text AS payload FROM message WHERE sink_id = $1 ORDER BY commit_idx',
      [sink.id],
    );
    expect(stored.rows).toEqual(
      payloads.map((payload, index) => ({ commit_idx: index, payload: JSON.stringify(payload) })),
    );
  });

  it('stores the same sink and position once, even when appended twice', async () => {
    const sink = await createTestSink(db);
    const batch = [message(200, 0, 'a'), message(200, 1, 'b'), message(201, 0, 'a')];
    expect(await appendMessages(db, { sinkId: sink.id, messages: batch })).toEqual({
      stored: 3,
      duplicates: 0,
      configMoved: false,
    });
    expect(await appendMessages(db, { sinkId: sink.id, messages: [...batch, message(202, 0, 'c')] })).toEqual(
      {
        stored: 1,
        duplicates: 3,
        configMoved: false,
      },
    );
    expect(await storedCount(sink.id)).toBe(4);
  });

  it('keeps the same position of two different sinks apart', async () => {
    const first = await createTestSink(db);
    const second = await createTestSink(db);
    await appendMessages(db, { sinkId: first.id, messages: [message(300, 0, 'x')] });
    await appendMessages(db, { sinkId: second.id, messages: [message(300, 0, 'x')] });
    expect(await storedCount(first.id)).toBe(1);
    expect(await storedCount(second.id)).toBe(1);
  });

  it('hashes a group over 256 characters into a deterministic partition key', async () => {
    const sink = await createTestSink(db);
    const longGroup = 'customer-'.repeat(40);
    await appendMessages(db, {
      sinkId: sink.id,
      messages: [message(400, 0, longGroup), message(400, 1, longGroup)],
    });
    const { messages } = await listMessages(db, { sinkId: sink.id, state: 'pending' });
    expect(messages).toHaveLength(2);
    const [first, second] = messages;
    expect(Array.from(first?.group ?? '').length).toBeLessThanOrEqual(256);
    expect(first?.group).toBe(second?.group);
    expect(first?.group.startsWith('customer-customer-')).toBe(true);
  });

  describe('refuses bad input with a clear error and stores nothing', () => {
    it('an empty batch', async () => {
      const sink = await createTestSink(db);
      await expect(appendMessages(db, { sinkId: sink.id, messages: [] })).rejects.toThrow(/batch is empty/);
    });

    it('an empty group, naming the message', async () => {
      const sink = await createTestSink(db);
      await expect(
        appendMessages(db, { sinkId: sink.id, messages: [message(500, 0, 'ok'), message(500, 1, '')] }),
      ).rejects.toThrow(/message 1: group: the group must not be empty/);
      expect(await storedCount(sink.id)).toBe(0);
    });

    it('a payload that is not JSON-serialisable, naming the message and the reason', async () => {
      const sink = await createTestSink(db);
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic.self = cyclic;
      await expect(
        appendMessages(db, {
          sinkId: sink.id,
          messages: [message(600, 0, 'ok'), message(600, 1, 'g', { payload: cyclic })],
        }),
      ).rejects.toThrow(/message 1 \(position 600:1\): the payload is not JSON-serialisable: .*circular/i);
      await expect(
        appendMessages(db, { sinkId: sink.id, messages: [message(601, 0, 'g', { payload: { n: 10n } })] }),
      ).rejects.toThrow(/not JSON-serialisable: .*BigInt/i);
      await expect(
        appendMessages(db, { sinkId: sink.id, messages: [message(602, 0, 'g', { payload: undefined })] }),
      ).rejects.toThrow(/not JSON-serialisable: got undefined/);
      expect(await storedCount(sink.id)).toBe(0);
    });

    it('an unknown action or a negative position', async () => {
      const sink = await createTestSink(db);
      await expect(
        appendMessages(db, {
          sinkId: sink.id,
          messages: [message(700, 0, 'g', { action: 'upsert' as never })],
        }),
      ).rejects.toThrow(/message 0: action/);
      await expect(appendMessages(db, { sinkId: sink.id, messages: [message(-1, 0, 'g')] })).rejects.toThrow(
        /commitLsn must not be negative/,
      );
      expect(await storedCount(sink.id)).toBe(0);
    });

    it('a sink that does not exist', async () => {
      await expect(
        appendMessages(db, {
          sinkId: '00000000-0000-0000-0000-000000000000',
          messages: [message(1, 0, 'g')],
        }),
      ).rejects.toThrow(/sink 00000000-0000-0000-0000-000000000000 does not exist/);
    });
  });

  it('counts stored messages by state', async () => {
    const sink = await createTestSink(db);
    await appendMessages(db, { sinkId: sink.id, messages: [message(800, 0, 'a'), message(800, 1, 'b')] });
    expect(await countMessages(db, { sinkId: sink.id })).toEqual({
      waiting: 2,
      sending: 0,
      pending: 2,
      failing: 0,
      delivered: 0,
      discarded: 0,
      inFlight: 0,
      capped: [],
    });
  });
});

import { SecretBox } from '@shardline/core';
import { appendMessages, createSink, createTransform, getMessage, updateSink } from '@shardline/db';
import { createTestStream, readAllRecords } from '@shardline/testing';
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
afterEach(() => ctx?.cleanup());

/**
 * Each transform misbehaves only on the message of group `order-0` (the record's id), so the same
 * sink shows both sides: that message fails with a clear error while the other groups go through.
 */
const HOSTILE = [
  ['an infinite loop', 'for (;;) {}', /the transform ran longer than 50 ms/],
  ['a 1 GB allocation', 'return new Uint8Array(1024 * 1024 * 1024);', /used more than 32 MiB of memory/],
  [
    // Many allocations, each below the limit: QuickJS's own limit did not add them up, and the
    // engine grew to 4.4 GB while the other sink's transform delivered nothing for minutes.
    'allocating without end',
    'const a = []; while (true) a.push(new Array(1e6).fill(1));',
    /used more than 32 MiB of memory|ran longer than 50 ms/,
  ],
  [
    // Native calls QuickJS's interrupt handler never sees: the call ends with its worker thread.
    'a long native call',
    "const s = 'ab'.repeat(4e5); let n = 0; for (let i = 0; i < 50; i++) n += s.split('').reverse().join('').length; return n;",
    /the transform ran longer than 50 ms/,
  ],
  [
    'network access',
    'return fetch("http://example.com");',
    /the transform threw: ReferenceError: 'fetch' is not defined/,
  ],
  [
    'require',
    'return require("fs").readFileSync("/etc/passwd", "utf8");',
    /the transform threw: ReferenceError: 'require' is not defined/,
  ],
  ['process', 'return process.env;', /the transform threw: ReferenceError: 'process' is not defined/],
  ['deep recursion', 'const down = (n) => down(n + 1) + 1; return down(0);', /recursed too deeply/],
  ['returning a function', 'return () => 1;', /the transform returned a function, not JSON/],
  [
    'returning a cyclic object',
    'const a = {}; a.self = a; return a;',
    /the transform returned a cyclic object, not JSON/,
  ],
] as const;

function hostileOnOrder0(misbehaviour: string): string {
  return `(message) => {
    if (message.record.id === 'order-0') { ${misbehaviour} }
    return { id: message.record.id, seq: message.record.seq };
  }`;
}

describe('hostile transforms', () => {
  it.each(HOSTILE)(
    '%s fails only its message, with a clear error, while other groups and sinks deliver',
    async (_name, misbehaviour, expected) => {
      ctx = await setupDeliveryTest();
      const secretBox = new SecretBox(TEST_SECRET_KEY);
      const transform = await createTransform(ctx.db, {
        input: { name: 'hostile', kind: 'code', body: hostileOnOrder0(misbehaviour) },
      });
      await updateSink(ctx.db, { secretBox, sinkId: ctx.sink.id, input: { transformId: transform.id } });
      // A second sink with a harmless transform of its own, fed at the same time: it runs on the
      // same worker threads.
      const harmless = await createTransform(ctx.db, {
        input: { name: 'harmless', kind: 'code', body: '(message) => message' },
      });
      const otherStream = await createTestStream(kinesisEndpoint(), { shardCount: 1 });
      const other = await createSink(ctx.db, {
        secretBox,
        input: {
          name: 'other-sink',
          streamArn: otherStream.streamArn,
          endpoint: kinesisEndpoint(),
          accessKeyId: 'test',
          secretAccessKey: 'test',
          transformId: harmless.id,
        },
      });
      const messages = makeMessages(40, 4);
      await ctx.append(messages);
      await appendMessages(ctx.db, { sinkId: other.id, messages: makeMessages(200, 20) });
      await ctx.startEngine();

      const head = await waitFor('the order-0 message to fail', async () => {
        const row = (await ctx.state()).find((m) => m.group === 'order-0');
        return row?.state === 'failing' ? row : null;
      });
      const detail = await getMessage(ctx.db, { sinkId: ctx.sink.id, id: head.id });
      expect(detail.lastError?.code).toBe('transform_failed');
      expect(detail.lastError?.message).toMatch(expected);

      // The other three groups of this sink, and the other sink, are delivered; order-0 waits.
      await waitFor('the other groups delivered', async () =>
        (await ctx.state()).filter((m) => m.group !== 'order-0').every((m) => m.state === 'delivered'),
      );
      // Delivery is at least once: a record the emulator holds twice counts once.
      const sent = await ctx.readStream(30);
      expect(new Set(sent.map((record) => JSON.parse(record.data).seq)).size).toBe(30);
      expect(sent.every((record) => Object.keys(JSON.parse(record.data)).join() === 'id,seq')).toBe(true);
      const otherRecords = await readAllRecords(kinesisEndpoint(), otherStream.streamArn, {
        expectCount: 200,
        timeoutMs: 30_000,
      });
      expect(new Set(otherRecords.map((record) => positionOf(record).join(':'))).size).toBe(200);
      // A record resent after a timeout counts once, where it first arrived.
      const seen = new Set<string>();
      expectCommitOrderPerGroup(
        otherRecords.filter((record) => {
          const key = positionOf(record).join(':');
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        }),
      );
      expect((await ctx.state()).filter((m) => m.group === 'order-0').map((m) => m.state)).toEqual([
        'failing',
        ...Array(9).fill('pending'),
      ]);
    },
  );
});

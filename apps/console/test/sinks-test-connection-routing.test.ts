import { appendMessages, type Database, type IncomingMessage } from '@shardline/db';
import { createTestStream, type TestStream } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { POST as testConnection } from '../app/api/v1/sinks/test-connection/route';
import { call, openApiHarness } from './api-harness';
import { SECRET, sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };
// The emulator accepts any keys; giving some keeps the SDK from looking for the host's own.
const KEYS = { accessKeyId: 'AKIAEMULATOR', secretAccessKey: SECRET };

let db: Database;
let close: () => Promise<void>;
let own: TestStream;
let eu: TestStream;
let missingArn: string;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  own = await createTestStream(kinesisEndpoint(), { shardCount: 1 });
  eu = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
  missingArn = own.streamArn.replace(/stream\/.+$/, 'stream/no-such-routed-stream');
});
afterAll(() => close());

/** EU orders to the `eu` stream, US ones to a stream that does not exist, others fail. */
function routingSource(): string {
  return `(message) => {
    if (message.record.region === 'eu') return ${JSON.stringify(eu.streamArn)};
    if (message.record.region === 'us') return { streamArn: ${JSON.stringify(missingArn)} };
    throw new Error('no stream for region ' + message.record.region);
  }`;
}

function order(lsn: number, region: string): IncomingMessage {
  const record = { id: lsn, region };
  return {
    commitLsn: BigInt(lsn),
    commitIdx: 0,
    group: String(lsn),
    tableSchema: 'public',
    tableName: 'orders',
    action: 'insert',
    payload: { record, changes: null, action: 'insert', metadata: { table_name: 'orders' } },
  };
}

async function routedSink(regions: string[]): Promise<string> {
  const created = await call(createSink, {
    query: FORCE,
    body: sinkBody({
      streamArn: own.streamArn,
      endpoint: kinesisEndpoint(),
      ...KEYS,
      routingSource: routingSource(),
    }),
  });
  expect(created.status, created.text).toBe(201);
  const sinkId: string = created.body.sink.id;
  if (regions.length > 0) {
    await appendMessages(db, {
      sinkId,
      messages: regions.map((region, index) => order(100 + index, region)),
    });
  }
  return sinkId;
}

function test(body: Record<string, unknown>) {
  return call(testConnection, {
    path: '/api/v1/sinks/test-connection',
    body: { streamArn: own.streamArn, endpoint: kinesisEndpoint(), accessKeyId: KEYS.accessKeyId, ...body },
  });
}

describe('Test connection of a sink with a routing function', () => {
  it('checks each stream the function returned for recent messages, and counts its failures', async () => {
    const sinkId = await routedSink(['eu', 'us', 'eu', 'mars', 'eu']);
    const answer = await test({ sinkId });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, stream: { name: own.streamName } });
    const routing = answer.body.routing;
    expect(routing.messagesRouted).toBe(5);
    expect(routing.streams).toHaveLength(2);
    const [existing, missing] = routing.streams;
    expect(existing).toMatchObject({
      streamArn: eu.streamArn,
      messages: 3,
      test: { ok: true, stream: { name: eu.streamName, status: 'ACTIVE', shardCount: 2 } },
    });
    expect(missing).toMatchObject({
      streamArn: missingArn,
      messages: 1,
      test: { ok: false, error: { code: 'ResourceNotFoundException' } },
    });
    expect(missing.test.error.hint).toMatch(/^Unknown stream: no stream named no-such-routed-stream/);
    expect(routing.failed.messages).toBe(1);
    expect(routing.failed.firstMessageId).toMatch(/^\d+$/);
    expect(routing.failed.firstError).toMatch(/^The routing function failed: .*no stream for region mars/);
    expect(answer.text).not.toContain(SECRET);
  });

  it('runs the routing function as typed, saved or not, and none when it is emptied', async () => {
    const sinkId = await routedSink(['eu', 'us']);
    const typed = await test({ sinkId, routingSource: `() => ${JSON.stringify(own.streamArn)}` });
    expect(typed.body.routing).toMatchObject({
      messagesRouted: 2,
      streams: [{ streamArn: own.streamArn, messages: 2, test: { ok: true } }],
      failed: { messages: 0, firstError: null },
    });
    const invalid = await test({ sinkId, routingSource: `() => 'orders-eu'` });
    expect(invalid.body.routing.streams).toEqual([]);
    expect(invalid.body.routing.failed).toMatchObject({ messages: 2 });
    expect(invalid.body.routing.failed.firstError).toMatch(/returned an invalid stream/);
    const broken = await test({ sinkId, routingSource: '(message) =>' });
    expect(broken.body.routing.failed.messages).toBe(2);
    expect(broken.body.routing.failed.firstError).toMatch(/does not compile/);
    const emptied = await test({ sinkId, routingSource: '' });
    expect(emptied.body).toMatchObject({ ok: true, routing: null });
  });

  it('says there is nothing to route yet for a sink without messages, and is silent without a sink', async () => {
    const sinkId = await routedSink([]);
    const empty = await test({ sinkId });
    expect(empty.body.routing).toEqual({
      messagesRouted: 0,
      streams: [],
      failed: { messages: 0, firstMessageId: null, firstError: null },
    });
    const unsaved = await test({ ...KEYS, routingSource: routingSource() });
    expect(unsaved.body).toMatchObject({ ok: true, routing: null });
  });
});

import { appendMessages, type Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { POST as testRouting } from '../app/api/v1/sinks/test-routing/route';
import { call, openApiHarness } from './api-harness';
import { sinkBody } from './sinks-fixtures';

const EU = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu';
const US = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-us';
const BY_REGION = `(message) => {
  if (message.record.region === 'eu') return ${JSON.stringify(EU)};
  if (message.record.region === 'us') return { streamArn: ${JSON.stringify(US)} };
  if (message.record.region === 'nowhere') return 'orders-' + message.record.region;
  throw new Error('no stream for region ' + message.record.region);
}`;

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

function run(body: Record<string, unknown>) {
  return call(testRouting, { path: '/api/v1/sinks/test-routing', body });
}

function pasted(region: string) {
  return { record: { id: 1, region }, changes: null, action: 'insert', metadata: { table_name: 'orders' } };
}

describe('POST /api/v1/sinks/test-routing', () => {
  it('shows the stream a pasted message goes to, or the error delivery would record', async () => {
    const eu = await run({ routingSource: BY_REGION, message: pasted('eu') });
    expect(eu.status, eu.text).toBe(200);
    expect(eu.body.results).toEqual([
      expect.objectContaining({ messageId: null, streamArn: EU, code: null, error: null }),
    ]);
    expect(JSON.parse(eu.body.results[0].input)).toEqual(pasted('eu'));

    const us = await run({ routingSource: BY_REGION, message: pasted('us') });
    expect(us.body.results[0]).toMatchObject({ streamArn: US, error: null });

    const thrown = await run({ routingSource: BY_REGION, message: pasted('mars') });
    expect(thrown.body.results[0]).toMatchObject({ streamArn: null, code: 'routing_failed' });
    expect(thrown.body.results[0].error).toMatch(/^The routing function failed: .*no stream for region mars/);

    const invalid = await run({ routingSource: BY_REGION, message: pasted('nowhere') });
    expect(invalid.body.results[0]).toMatchObject({ streamArn: null, code: 'invalid_routed_stream' });
    expect(invalid.body.results[0].error).toMatch(/"orders-nowhere" is not a Kinesis stream ARN/);
  });

  it("runs on a sink's messages, the ones sent next first", async () => {
    const created = await call(createSink, { query: { force: 'true' }, body: sinkBody() });
    expect(created.status, created.text).toBe(201);
    const sinkId: string = created.body.sink.id;
    await appendMessages(db, {
      sinkId,
      messages: ['eu', 'us', 'mars'].map((region, index) => ({
        commitLsn: BigInt(100 + index),
        commitIdx: 0,
        group: String(index),
        tableSchema: 'public',
        tableName: 'orders',
        action: 'insert' as const,
        payload: pasted(region),
      })),
    });
    const answer = await run({ routingSource: BY_REGION, sinkId });
    expect(answer.status, answer.text).toBe(200);
    const results = answer.body.results as Array<{
      messageId: string;
      streamArn: string | null;
      code: string;
    }>;
    expect(results.map((result) => [result.streamArn, result.code])).toEqual([
      [EU, null],
      [US, null],
      [null, 'routing_failed'],
    ]);
    expect(results.every((result) => /^\d+$/.test(result.messageId))).toBe(true);
  });

  it('refuses a function that does not compile, an empty one, and a test with nothing to run on', async () => {
    const broken = await run({ routingSource: '(message) =>', message: pasted('eu') });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'invalid_input', field: 'routingSource' });
    const empty = await run({ routingSource: '  ', message: pasted('eu') });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('routingSource');
    const nothing = await run({ routingSource: BY_REGION });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message).toMatch(/routing function/);
  });
});

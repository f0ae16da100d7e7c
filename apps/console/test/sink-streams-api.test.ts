import type { Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getStreams } from '../app/api/v1/sinks/[id]/streams/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { openApiDocument } from '../lib/server/openapi/document';
import { call, openApiHarness } from './api-harness';
import { sinkBody } from './sinks-fixtures';
import { storeDeliveredMessages } from './stored-messages-fixture';

const OWN = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders';
const EU = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu';
const US = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-us';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

async function createdSinkId(): Promise<string> {
  const answer = await call(createSink, { query: { force: 'true' }, body: sinkBody({ streamArn: OWN }) });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.sink.id;
}

/** One message per entry, delivered that long ago to that stream (null: the sink's own). */
function delivered(sinkId: string, deliveries: Array<{ to: string | null; ago: string }>): Promise<void> {
  return storeDeliveredMessages(
    db,
    sinkId,
    deliveries.map(({ to, ago }) => ({ ago, streamArn: to })),
  );
}

describe('GET /api/v1/sinks/{id}/streams', () => {
  it("counts deliveries per stream over the chart's range, the sink's own stream included", async () => {
    const sinkId = await createdSinkId();
    await delivered(sinkId, [
      { to: EU, ago: '1 minute' },
      { to: EU, ago: '2 minutes' },
      { to: EU, ago: '3 hours' },
      { to: US, ago: '5 minutes' },
      { to: US, ago: '3 days' },
      // Delivered before routing was added: the sink's own stream, named or not.
      { to: null, ago: '10 minutes' },
      { to: OWN, ago: '11 minutes' },
    ]);

    const hour = await call(getStreams, { params: { id: sinkId }, query: { range: '1h' } });
    expect(hour.status, hour.text).toBe(200);
    expect(hour.body.range).toBe('1h');
    expect(Date.now() - Date.parse(hour.body.since)).toBeLessThanOrEqual(61 * 60_000);
    // Most deliveries first; a tie in the order of the ARNs.
    expect(hour.body.streams).toEqual([
      { streamArn: OWN, own: true, delivered: 2 },
      { streamArn: EU, own: false, delivered: 2 },
      { streamArn: US, own: false, delivered: 1 },
    ]);

    const day = await call(getStreams, { params: { id: sinkId }, query: { range: '24h' } });
    expect(day.body.streams).toEqual([
      { streamArn: EU, own: false, delivered: 3 },
      { streamArn: OWN, own: true, delivered: 2 },
      { streamArn: US, own: false, delivered: 1 },
    ]);

    const week = await call(getStreams, { params: { id: sinkId }, query: { range: '7d' } });
    expect(week.body.streams).toContainEqual({ streamArn: US, own: false, delivered: 2 });
  });

  it("lists the sink's own stream at 0 before any delivery", async () => {
    const sinkId = await createdSinkId();
    const answer = await call(getStreams, { params: { id: sinkId } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      range: '1h',
      streams: [{ streamArn: OWN, own: true, delivered: 0 }],
    });
  });

  it('refuses an unknown range and an unknown sink, and is in the OpenAPI document', async () => {
    const sinkId = await createdSinkId();
    const range = await call(getStreams, { params: { id: sinkId }, query: { range: '2d' } });
    expect(range.status).toBe(400);
    expect(range.body.error.code).toBe('invalid_input');
    const missing = await call(getStreams, { params: { id: '00000000-0000-4000-8000-000000000000' } });
    expect(missing.status).toBe(404);
    const document = openApiDocument() as { paths: Record<string, { get?: unknown }> };
    expect(document.paths['/api/v1/sinks/{id}/streams']?.get).toBeDefined();
  });
});

import { randomBytes } from 'node:crypto';
import type { Database } from '@shardline/db';
import { createSourceDatabase, readAllRecords, type SourceDatabase } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listAudit } from '../app/api/v1/audit/route';
import { POST as createStream } from '../app/api/v1/sinks/create-stream/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { POST as testConnection } from '../app/api/v1/sinks/test-connection/route';
import { POST as createSource } from '../app/api/v1/sources/route';
import { call, openApiHarness, TEST_ACTOR } from './api-harness';
import { type InProcessEngine, startEngineInProcess } from './engine-in-process';
import { SECRET } from './sinks-fixtures';

// "Create stream" on the sink form, against the Kinesis emulator: the stream is created and
// ACTIVE when the answer comes, it is audited, and a sink then delivers to it.
const KEYS = { accessKeyId: 'AKIAEMULATOR', secretAccessKey: SECRET };
const suffix = randomBytes(3).toString('hex');
/** The emulator files every stream under this region and account. */
const arnOf = (name: string) => `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`;

let db: Database;
let close: () => Promise<void>;
let sourceDb: SourceDatabase;
let engine: InProcessEngine;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  sourceDb = await createSourceDatabase();
  await sourceDb.query('CREATE TABLE orders (id bigint PRIMARY KEY, status text)');
  engine = await startEngineInProcess({ db });
});
afterAll(async () => {
  await engine?.stop();
  await close?.();
  await sourceDb?.drop();
});

const create = (body: Record<string, unknown>, as: 'admin' | 'viewer' = 'admin') =>
  call(createStream, { path: '/api/v1/sinks/create-stream', body, as });
const test = (streamArn: string) =>
  call(testConnection, {
    path: '/api/v1/sinks/test-connection',
    body: { streamArn, endpoint: kinesisEndpoint(), ...KEYS },
  });

describe('POST /api/v1/sinks/create-stream', () => {
  it('creates a missing stream on demand, answers once it is ACTIVE, audits it, and a sink delivers to it', async () => {
    const streamArn = arnOf(`created-on-demand-${suffix}`);
    expect((await test(streamArn)).body.error.code).toBe('ResourceNotFoundException');

    const created = await create({
      streamArn,
      endpoint: kinesisEndpoint(),
      ...KEYS,
      capacityMode: 'on-demand',
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      ok: true,
      created: true,
      stream: { name: `created-on-demand-${suffix}`, status: 'ACTIVE' },
    });
    expect(created.text).not.toContain(SECRET);
    expect((await test(streamArn)).body).toMatchObject({ ok: true, stream: { status: 'ACTIVE' } });

    const audit = await call(listAudit, { path: '/api/v1/audit', query: { action: 'stream.create' } });
    expect(audit.body.events[0]).toMatchObject({
      actor: TEST_ACTOR,
      targetType: 'stream',
      targetId: streamArn,
      targetName: `created-on-demand-${suffix}`,
      details: { capacityMode: 'on-demand' },
    });

    const source = await call(createSource, { body: { name: `shop_${suffix}`, url: sourceDb.url } });
    expect(source.status, source.text).toBe(201);
    const sink = await call(createSink, {
      body: {
        name: `to-the-new-stream-${suffix}`,
        streamArn,
        endpoint: kinesisEndpoint(),
        ...KEYS,
        sourceId: source.body.source.id,
        tables: [{ name: 'orders' }],
      },
    });
    expect(sink.status, sink.text).toBe(201);
    await sourceDb.query("INSERT INTO orders VALUES (7, 'shipped')");
    await expect
      .poll(
        async () =>
          (await readAllRecords(kinesisEndpoint(), streamArn)).map(
            (record) => (JSON.parse(record.data) as { record: { id: number } }).record.id,
          ),
        { timeout: 60_000, interval: 500 },
      )
      .toEqual([7]);
  });

  it('creates a provisioned stream with the shards asked for', async () => {
    const streamArn = arnOf(`created-provisioned-${suffix}`);
    const created = await create({
      streamArn,
      endpoint: kinesisEndpoint(),
      ...KEYS,
      capacityMode: 'provisioned',
      shardCount: 3,
    });
    expect(created.body, created.text).toMatchObject({ ok: true, created: true, stream: { shardCount: 3 } });
    // Asked again, the stream exists: it is found, not created twice (and not audited twice).
    const again = await create({
      streamArn,
      endpoint: kinesisEndpoint(),
      ...KEYS,
      capacityMode: 'provisioned',
      shardCount: 3,
    });
    expect(again.body).toMatchObject({ ok: true, created: false, stream: { shardCount: 3 } });
    const audit = await call(listAudit, { path: '/api/v1/audit', query: { action: 'stream.create' } });
    expect(
      audit.body.events.filter((event: { targetId: string }) => event.targetId === streamArn),
    ).toHaveLength(1);
  });

  it('refuses a provisioned stream without a shard count, naming the field, and creates nothing', async () => {
    const streamArn = arnOf(`never-created-${suffix}`);
    const answer = await create({
      streamArn,
      endpoint: kinesisEndpoint(),
      ...KEYS,
      capacityMode: 'provisioned',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field: 'shardCount' });
    const mode = await create({ streamArn, endpoint: kinesisEndpoint(), ...KEYS, capacityMode: 'fast' });
    expect(mode.status).toBe(400);
    expect(mode.body.error.field).toBe('capacityMode');
    expect((await test(streamArn)).body.error.code).toBe('ResourceNotFoundException');
  });

  it("says so when the stream lands in the credentials' account, not the one the ARN names", async () => {
    const name = `another-account-${suffix}`;
    const answer = await create({
      streamArn: `arn:aws:kinesis:us-east-1:123456789012:stream/${name}`,
      endpoint: kinesisEndpoint(),
      ...KEYS,
      capacityMode: 'on-demand',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'StreamInAnotherAccount' } });
    expect(answer.body.error.message).toBe(
      `The stream was created as ${arnOf(name)}, not arn:aws:kinesis:us-east-1:123456789012:stream/${name}.`,
    );
    // A stream was created all the same: the trail says so.
    const audit = await call(listAudit, { path: '/api/v1/audit', query: { action: 'stream.create' } });
    expect(audit.body.events.map((event: { targetName: string }) => event.targetName)).toContain(name);
  });

  it('is for admins only', async () => {
    const answer = await create(
      {
        streamArn: arnOf(`by-a-viewer-${suffix}`),
        endpoint: kinesisEndpoint(),
        ...KEYS,
        capacityMode: 'on-demand',
      },
      'viewer',
    );
    expect(answer.status).toBe(403);
  });

  it("sends a saved sink's secret only to the endpoint it was saved for", async () => {
    const saved = await call(createSink, {
      query: { force: 'true' },
      body: {
        name: `saved-secret-${suffix}`,
        streamArn: arnOf(`saved-${suffix}`),
        endpoint: 'http://127.0.0.1:1',
        ...KEYS,
        tables: [{ name: 'orders' }],
      },
    });
    expect(saved.status, saved.text).toBe(201);
    const answer = await create({
      sinkId: saved.body.sink.id,
      streamArn: arnOf(`saved-${suffix}`),
      endpoint: kinesisEndpoint(),
      capacityMode: 'on-demand',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field: 'secretAccessKey' });
    expect((await test(arnOf(`saved-${suffix}`))).body.error.code).toBe('ResourceNotFoundException');
  });
});

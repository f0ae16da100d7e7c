import { randomBytes } from 'node:crypto';
import type { Database } from '@shardline/db';
import {
  createSourceDatabase,
  createTestStream,
  type SourceDatabase,
  waitUntilSlotStreamed,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { GET as checkSavedSource } from '../app/api/v1/sources/[id]/checks/route';
import { POST as checkSettings } from '../app/api/v1/sources/check/route';
import { POST as createSource } from '../app/api/v1/sources/route';
import { call, openApiHarness } from './api-harness';
import { type InProcessEngine, startEngineInProcess } from './engine-in-process';

// Issue 18, point 10: the slot check warned "in use by another connection" about Shardline's own
// reader. With an engine reading the source, its check says the reader is ours.
const suffix = randomBytes(3).toString('hex');

let db: Database;
let close: () => Promise<void>;
let sourceDb: SourceDatabase;
let engine: InProcessEngine;
let source: { id: string; slotName: string; publicationName: string };
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
  sourceDb = await createSourceDatabase();
  await sourceDb.query('CREATE TABLE orders (id bigint PRIMARY KEY, status text)');
  const stream = await createTestStream(kinesisEndpoint());
  engine = await startEngineInProcess({ db });
  const created = await call(createSource, { body: { name: `shop_${suffix}`, url: sourceDb.url } });
  expect(created.status, created.text).toBe(201);
  source = created.body.source;
  const sink = await call(createSink, {
    body: {
      name: `orders-${suffix}`,
      streamArn: stream.streamArn,
      endpoint: kinesisEndpoint(),
      accessKeyId: 'AKIAEMULATOR',
      secretAccessKey: 'emulator-secret',
      sourceId: source.id,
      tables: [{ name: 'orders' }],
    },
  });
  expect(sink.status, sink.text).toBe(201);
  await waitUntilSlotStreamed(sourceDb, { timeoutMs: 60_000 });
});
afterAll(async () => {
  await engine?.stop();
  await close?.();
  await sourceDb?.drop();
});

type Check = { id: string; status: string; title: string; detail: string };
const slotCheckOf = (report: { checks: Check[] }) => report.checks.find((check) => check.id === 'slot');

describe('the slot check with Shardline reading the source', () => {
  it("says the slot is in use by Shardline's reader of this source, as OK", async () => {
    const answer = await call(checkSavedSource, {
      path: `/api/v1/sources/${source.id}/checks`,
      params: { id: source.id },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(slotCheckOf(answer.body.report)).toMatchObject({
      status: 'ok',
      title: `The replication slot "${source.slotName}" is in use by Shardline's reader (this source)`,
    });
  });

  it('warns when a new source would share the slot that reader holds', async () => {
    const answer = await call(checkSettings, {
      path: '/api/v1/sources/check',
      body: {
        name: `another_${suffix}`,
        url: sourceDb.url,
        slotName: source.slotName,
        publicationName: source.publicationName,
        tables: [],
      },
    });
    expect(answer.status, answer.text).toBe(200);
    const slot = slotCheckOf(answer.body.report);
    expect(slot).toMatchObject({
      status: 'warning',
      title: `The replication slot "${source.slotName}" is in use by Shardline's reader of another source`,
    });
    expect(slot?.detail).toContain(source.id);
    expect(slot?.detail).toMatch(/give this source a slot name of its own/);
  });
});

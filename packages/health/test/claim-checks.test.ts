import { SecretBox } from '@shardline/core';
import {
  claimSinkChecks,
  claimSourceChecks,
  createDatabase,
  createSink,
  createSource,
  type Database,
  updateSink,
} from '@shardline/db';
import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every engine looks for due checks every few seconds: however many do at once, each check goes
// to one of them per period, and an edit makes it due at once.

const secretBox = new SecretBox('f'.repeat(64));
const PERIOD_MS = 60_000;
let database: TestDatabase;
let engines: Database[];
let sinkIds: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  engines = Array.from({ length: 4 }, () => createDatabase({ url: database.url, maxConnections: 2 }));
  const [db] = engines as [Database];
  const source = await createSource(db, {
    secretBox,
    input: { name: 'shop', url: 'postgres://app@127.0.0.1:1/shop' },
  });
  sinkIds = [];
  for (let index = 0; index < 20; index++) {
    const sink = await createSink(db, {
      secretBox,
      input: {
        name: `sink-${index}`,
        streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/s${index}`,
        sourceId: source.id,
        tables: [{ name: 'orders' }],
      },
    });
    sinkIds.push(sink.id);
  }
});

afterAll(async () => {
  for (const db of engines ?? []) await db.close();
  await database?.drop();
});

describe('claiming due checks', () => {
  it('gives each due check to exactly one of several engines asking at once, then none until the period ends', async () => {
    const claimed = await Promise.all(engines.map((db) => claimSinkChecks(db, { periodMs: PERIOD_MS })));
    const all = claimed.flat().map((claim) => claim.sinkId);
    expect(all.sort()).toEqual([...sinkIds].sort());
    const sources = await Promise.all(engines.map((db) => claimSourceChecks(db, { periodMs: PERIOD_MS })));
    expect(sources.flat()).toHaveLength(1);

    const again = await Promise.all(engines.map((db) => claimSinkChecks(db, { periodMs: PERIOD_MS })));
    expect(again.flat()).toEqual([]);
    expect((await claimSourceChecks(engines[0] as Database, { periodMs: PERIOD_MS })).length).toBe(0);
  });

  it('makes a check due at once when what it checks is edited', async () => {
    const [db] = engines as [Database];
    const edited = sinkIds[3] as string;
    await updateSink(db, {
      secretBox,
      sinkId: edited,
      input: { endpoint: 'http://127.0.0.1:4567', tables: [{ name: 'orders', groupColumns: ['id'] }] },
    });
    const claimed = await Promise.all(
      engines.map((engine) => claimSinkChecks(engine, { periodMs: PERIOD_MS })),
    );
    expect(claimed.flat().map((claim) => claim.sinkId)).toEqual([edited]);
    // The tables changed too: the source's check is due again.
    expect(await claimSourceChecks(db, { periodMs: PERIOD_MS })).toHaveLength(1);
    // A rename changes neither the stream's settings nor the tables.
    await updateSink(db, { secretBox, sinkId: edited, input: { name: 'renamed' } });
    expect(await claimSinkChecks(db, { periodMs: PERIOD_MS })).toEqual([]);
  });

  it('makes every check due again once the period has passed', async () => {
    const [db] = engines as [Database];
    expect(await claimSinkChecks(db, { periodMs: 0 })).toHaveLength(sinkIds.length);
  });
});

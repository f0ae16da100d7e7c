import { SecretBox } from '@shardline/core';
import { createDatabase, createSink, createTransform, type Database } from '@shardline/db';
import { createTestDatabase } from '@shardline/testing';
import type { EngineProcess } from '../../apps/engine/test/engine-process';
import { BENCH_SECRET_KEY, benchEngine } from './engine-settings';

/** A transform attached to the benchmark sink: a code function or a path. */
export interface BenchTransform {
  label: string;
  kind: 'code' | 'path';
  body: string;
}

export interface DeliverySetup {
  db: Database;
  sinkId: string;
  /** The engine with delivery only (no capture); not started yet. */
  engine: EngineProcess;
  cleanup(): Promise<void>;
}

/** A database of its own with one sink sending to `endpoint`, and an engine process for it. */
export async function setupDelivery(
  endpoint: string,
  streamArn: string,
  benchTransform?: BenchTransform,
  sinkSettings: { aggregateRecords?: boolean } = {},
): Promise<DeliverySetup> {
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 4 });
  const transform = benchTransform
    ? await createTransform(db, {
        input: { name: 'bench', kind: benchTransform.kind, body: benchTransform.body },
      })
    : null;
  const sink = await createSink(db, {
    secretBox: new SecretBox(BENCH_SECRET_KEY),
    input: {
      name: 'bench',
      streamArn,
      endpoint,
      accessKeyId: 'bench',
      secretAccessKey: 'bench',
      transformId: transform?.id ?? null,
      ...sinkSettings,
    },
  });
  const engine = benchEngine(database.url);
  return {
    db,
    sinkId: sink.id,
    engine,
    async cleanup() {
      await engine.stop();
      await db.close();
      await database.drop();
    },
  };
}

/** Messages of the sink not delivered (nor discarded) yet. */
export async function undelivered(db: Database, sinkId: string): Promise<number> {
  const result = await db.pool.query<{ count: string }>(
    `SELECT count(*) FROM message WHERE sink_id = $1 AND state IN ('pending', 'failing')`,
    [sinkId],
  );
  return Number(result.rows[0]?.count);
}

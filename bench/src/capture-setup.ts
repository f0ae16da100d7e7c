import { randomBytes } from 'node:crypto';
import { SecretBox } from '@shardline/core';
import { createDatabase, createSink, createSource, type Database } from '@shardline/db';
import {
  createSourceDatabase,
  createTestDatabase,
  type SourceDatabase,
  waitUntilSlotStreamed,
} from '@shardline/testing';
import type { EngineProcess } from '../../apps/engine/test/engine-process';
import type { PostgresDatabases } from './cpu-usage';
import { BENCH_SECRET_KEY, benchEngine } from './engine-settings';

export const GROUPS = 10_000;
export const ROWS_PER_TRANSACTION = 100;

// About 400 bytes a row as the message's `record` JSON.
const SCHEMA_SQL = `
  CREATE TABLE orders (
    id bigint PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, total_cents int NOT NULL,
    currency text NOT NULL, batch int NOT NULL, updated_at timestamptz NOT NULL, note text NOT NULL
  );
  INSERT INTO orders
    SELECT g, 10000 + g % 977, 'pending', 4250, 'EUR', -1, now(),
           left(repeat('Leave the parcel with the neighbour at number 12 if nobody answers. ', 4), 250)
      FROM generate_series(1, ${GROUPS}) AS g;
`;

export interface CaptureSetup {
  db: Database;
  sinkId: string;
  engine: EngineProcess;
  /** Names of the source database and of Shardline's, to split Postgres's CPU time by role. */
  databases: PostgresDatabases;
  /** Starts the engine and waits until its reader streams from the source's slot. */
  start(): Promise<void>;
  /**
   * Commits transaction number `batch`: the next 100 of the 10,000 rows, round-robin, updated in
   * one statement (so one transaction). Returns Date.now() right after COMMIT returned.
   */
  commit(batch: number): Promise<number>;
  cleanup(): Promise<void>;
}

/**
 * A source database with the `orders` table (its 10,000 rows written before capture starts, so
 * they make no messages), a Shardline database with a source and a sink taking `orders`, and
 * the engine as its own process, reading the source and delivering to `endpoint`.
 */
export async function setupCapture(endpoint: string, streamArn: string): Promise<CaptureSetup> {
  const source: SourceDatabase = await createSourceDatabase();
  await source.query(SCHEMA_SQL);
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 4 });
  const secretBox = new SecretBox(BENCH_SECRET_KEY);
  const sourceRow = await createSource(db, {
    secretBox,
    input: { name: `bench_${randomBytes(4).toString('hex')}`, url: source.url },
  });
  const sink = await createSink(db, {
    secretBox,
    input: {
      name: 'bench',
      streamArn,
      endpoint,
      accessKeyId: 'bench',
      secretAccessKey: 'bench',
      sourceId: sourceRow.id,
      tables: [{ name: 'orders' }],
      ...(process.env.BENCH_LANES ? { laneCount: Number(process.env.BENCH_LANES) } : {}),
    },
  });
  const engine = benchEngine(database.url, {
    SHARDLINE_CAPTURE: 'true',
    SHARDLINE_CAPTURE_POLL_MS: '200',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  });
  const statuses = ['packed', 'shipped', 'delivered'];

  return {
    db,
    sinkId: sink.id,
    engine,
    databases: {
      source: decodeURIComponent(new URL(source.url).pathname.slice(1)),
      shardline: decodeURIComponent(new URL(database.url).pathname.slice(1)),
    },
    async start() {
      await engine.start();
      await waitUntilSlotStreamed(source, {
        describe: () => `the engine did not start reading the source:\n${engine.output.join('\n')}`,
      });
    },
    async commit(batch) {
      const after = (batch * ROWS_PER_TRANSACTION) % GROUPS;
      await source.query(
        `UPDATE orders SET status = $2, total_cents = total_cents + 1, batch = $1, updated_at = now()
          WHERE id > $3 AND id <= $3 + $4`,
        [batch, statuses[batch % statuses.length], after, ROWS_PER_TRANSACTION],
      );
      return Date.now();
    },
    async cleanup() {
      await engine.stop();
      await db.close();
      await database.drop();
      await source.drop();
    },
  };
}

import { createDatabase } from '@shardline/db';
import { createTestDatabase } from '@shardline/testing';
import type { MachineMeasures } from './ceilings';
import { measureHttpCeiling } from './http-ceiling';
import { measurePostgresCeilings } from './postgres-ceiling';

/**
 * Measures this machine's ceilings before the runs, whatever BENCH_RUNS picks: Postgres on a
 * database of the bench's own (dropped afterwards), then the HTTP round trip. `seconds` is each
 * measurement's length.
 */
export async function measureMachine(seconds: number): Promise<MachineMeasures> {
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 1, applicationName: 'shardline-bench' });
  try {
    const client = await db.pool.connect();
    let postgres: MachineMeasures['postgres'];
    try {
      postgres = await measurePostgresCeilings(client, seconds);
    } finally {
      client.release();
    }
    return { postgres, http: await measureHttpCeiling(seconds) };
  } finally {
    await db.close();
    await database.drop();
  }
}

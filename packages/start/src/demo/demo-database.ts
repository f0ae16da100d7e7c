import pg from 'pg';
import { ensureDatabase } from '../ensure-database';
import { DEMO_TABLE } from './demo-names';

/**
 * Creates the demo's source database and its `orders` table when missing. REPLICA IDENTITY FULL,
 * so an update's message carries the old values of what changed (`changes`).
 */
export async function ensureDemoDatabase(url: string): Promise<{ created: boolean }> {
  const created = await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url, application_name: 'shardline-demo' });
  await client.connect();
  try {
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${DEMO_TABLE} (
        id bigint PRIMARY KEY,
        customer text NOT NULL,
        status text NOT NULL,
        total numeric(10, 2) NOT NULL,
        note text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await client.query(`ALTER TABLE ${DEMO_TABLE} REPLICA IDENTITY FULL`);
  } finally {
    await client.end();
  }
  return { created };
}

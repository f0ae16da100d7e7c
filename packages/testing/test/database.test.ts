import { createTestDatabase } from '@shardline/testing';
import pg from 'pg';
import { expect, test } from 'vitest';

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test('createTestDatabase gives a migrated database that drop() removes', async () => {
  const database = await createTestDatabase();
  const name = new URL(database.url).pathname.slice(1);
  try {
    const tables = await query(database.url, "SELECT to_regclass('public.message') AS message");
    expect(tables).toEqual([{ message: 'message' }]);
  } finally {
    // A connection left open must not stop the drop.
    const lingering = new pg.Client({ connectionString: database.url });
    await lingering.connect();
    lingering.on('error', () => {});
    await database.drop();
    await lingering.end().catch(() => {});
  }
  const server = new URL(database.url);
  server.pathname = '/postgres';
  const remaining = await query(server.toString(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  expect(remaining).toEqual([]);
});

test('test databases are independent copies', async () => {
  const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  try {
    expect(first.url).not.toBe(second.url);
  } finally {
    await Promise.all([first.drop(), second.drop()]);
  }
});

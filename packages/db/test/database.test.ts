import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inSqlTransaction } from '../src';
import { openTestDatabase } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

describe('inSqlTransaction', () => {
  it('fails, without taking the process down, when the server ends its connection between two queries', async () => {
    const transaction = inSqlTransaction(db, async (tx) => {
      const { rows } = await tx.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // As a Postgres restart does: the server says it is ending the session, then closes it.
      await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
      // The notice arrives while no query runs on this connection.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await expect(transaction).rejects.toThrow(/not queryable|terminat/);
    // The broken connection was dropped, not handed out again.
    for (let i = 0; i < 6; i++) expect((await db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});

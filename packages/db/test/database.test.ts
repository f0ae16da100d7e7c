import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, inSqlTransaction, inTransaction, recordAuditEvent } from '../src';
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

describe('inTransaction', () => {
  const event = {
    actor: 'tester',
    action: 'transform.create',
    targetType: 'transform',
    targetId: 't1',
  } as const;

  it('runs Prisma and SQL in one transaction, answering SQL as the pool does', async () => {
    const read = await inTransaction(db, async (tx) => {
      await tx.prisma.transform.create({ data: { name: 'seen-by-sql', currentVersion: 1 } });
      await recordAuditEvent(tx, event);
      const sql = await tx.pool.query<{ count: string }>(
        "SELECT count(*) AS count FROM transform WHERE name = 'seen-by-sql'",
      );
      const prisma = await tx.prisma.auditEvent.count({ where: { targetId: 't1' } });
      return { sql: sql.rows, prisma };
    });
    // int8 as a string, as the pool gives it (and not the bigint Prisma's raw queries give).
    expect(read).toEqual({ sql: [{ count: '1' }], prisma: 1 });
  });

  it('rolls back both when the work throws', async () => {
    const failed = inTransaction(db, async (tx) => {
      await tx.prisma.transform.create({ data: { name: 'rolled-back', currentVersion: 1 } });
      await recordAuditEvent(tx, { ...event, targetId: 't2' });
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await db.prisma.transform.count({ where: { name: 'rolled-back' } })).toBe(0);
    expect((await db.pool.query("SELECT 1 FROM audit_event WHERE target_id = 't2'")).rowCount).toBe(0);
  });

  it('is joined, not nested, when given a transaction', async () => {
    const failed = inTransaction(db, async (outer) => {
      await inTransaction(outer, (inner) => recordAuditEvent(inner, { ...event, targetId: 't3' }));
      throw new Error('the outer one fails');
    });
    await expect(failed).rejects.toThrow('the outer one fails');
    expect((await db.pool.query("SELECT 1 FROM audit_event WHERE target_id = 't3'")).rowCount).toBe(0);
  });

  it('refuses Prisma inside a SQL-only transaction, which would run outside it', async () => {
    const mixed = inSqlTransaction(db, (tx) => tx.prisma.transform.count());
    await expect(mixed).rejects.toThrow(/runs SQL only: Prisma \(transform\) would run outside it/);
  });
});

describe('a handle made by another copy of this module', () => {
  it('is still recognised: the console bundles the package more than once', async () => {
    vi.resetModules();
    const otherCopy = (await import('../src/database')) as typeof import('../src/database');
    expect(otherCopy.inTransaction).not.toBe(inTransaction);
    const rows = await otherCopy.inTransaction(
      db,
      async (tx) => (await tx.pool.query('SELECT 1 AS one')).rows,
    );
    expect(rows).toEqual([{ one: 1 }]);
    await expect(
      otherCopy.inTransaction({ prisma: db.prisma, pool: db.pool }, async () => 1),
    ).rejects.toThrow(/comes from createDatabase/);
  });
});

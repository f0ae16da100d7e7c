import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

/**
 * One connection pool, two ways in: Prisma for typed configuration reads and writes, and plain
 * SQL (`pool`) for the message hot path, whose bulk statements (unnest, partial indexes,
 * skip scans) are clearer and faster as SQL.
 */
export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  /** Connections in the pool. */
  maxConnections?: number;
  applicationName?: string;
  /** Told when an idle pooled connection breaks (server restart, network). */
  onIdleConnectionError?: (error: Error) => void;
}

// int8 as a JS string by default; message ids and LSNs are parsed to bigint where they are read.
export function createDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'shardline',
  });
  // An idle connection that breaks is dropped from the pool and replaced on next use; without a
  // listener the pool would rethrow it and take the whole process down.
  pool.on('error', (error) => options.onIdleConnectionError?.(error));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Anything that can run a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** Runs `work` in one transaction on one connection; rolls back if it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return withPooledClient(pool, async (client) => {
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        // The original error is what matters; a failed rollback means the connection is gone.
      });
      throw error;
    }
  });
}

/**
 * Runs `work` on one connection taken from the pool, and gives it back. The pool listens for
 * errors only on its idle connections: one the server ends while it is taken out and between two
 * queries (Postgres restarting sends its notice right after the answer to a COMMIT) would be
 * thrown from an event handler and end the process. Here it is kept: the next query on the
 * connection fails with it, and the broken connection is dropped instead of reused.
 */
export async function withPooledClient<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

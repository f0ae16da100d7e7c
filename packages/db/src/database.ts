import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from './generated/prisma/client';

/** Anything that can run a query: the pool, or a connection inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/**
 * The database, or a transaction from it: the one handle every data function takes. Each function
 * picks its way in: Prisma for typed configuration reads and writes, plain SQL (`pool`) for the
 * message hot path, whose bulk statements (unnest, partial indexes, skip scans) are clearer and
 * faster as SQL. Inside a transaction both ways run in that same transaction.
 */
export interface Db {
  readonly prisma: Prisma.TransactionClient;
  readonly pool: Queryable;
}

/** The database itself: one connection pool, shared by Prisma and SQL. */
export interface Database extends Db {
  readonly prisma: PrismaClient;
  readonly pool: pg.Pool;
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

/**
 * What a handle is: made by createDatabase, or on a transaction (joined, never nested). A
 * registered symbol, not a module's own WeakMap: the console's bundles may load this module more
 * than once, and a handle made by one copy must be recognised by another.
 */
const HANDLE_KIND = Symbol.for('shardline.db.handle-kind');
type HandleKind = 'database' | 'transaction';

function marked<T extends Db>(handle: T, kind: HandleKind): T {
  Object.defineProperty(handle, HANDLE_KIND, { value: kind, enumerable: false });
  return handle;
}

/** The database behind `db`, or null when `db` is a transaction. */
function databaseOf(db: Db): Database | null {
  const kind = (db as Db & { [HANDLE_KIND]?: HandleKind })[HANDLE_KIND];
  if (kind === 'transaction') return null;
  if (kind !== 'database') throw new Error('a Db comes from createDatabase or from a transaction of one');
  return db as Database;
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
  const database: Database = {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
  return marked(database, 'database');
}

/**
 * Runs `work` in one transaction, rolled back if it throws. Its handle runs Prisma and SQL in that
 * same transaction (a Prisma interactive transaction; SQL goes through it, with rows as the pool
 * gives them). Given a handle that already is a transaction, `work` joins it.
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const database = databaseOf(db);
  if (!database) return work(db);
  return database.prisma.$transaction((prisma) => work(transaction({ prisma, pool: sqlThrough(prisma) })));
}

// Statements whose rows are read; any other runs as a command, whose answer is the rows it changed.
const RETURNS_ROWS = /^\s*(select|with|values|show|table)\b|\breturning\b/i;

/**
 * SQL run inside a Prisma transaction, answered as the pool answers: int8 and numeric as strings,
 * bytea as a Buffer. `rowCount` is the rows returned, or the rows changed by a command.
 */
function sqlThrough(prisma: Prisma.TransactionClient): Queryable {
  const query = async (text: unknown, values: unknown[] = []) => {
    if (typeof text !== 'string')
      throw new TypeError('a query inside a transaction is SQL text and its values');
    if (!RETURNS_ROWS.test(text)) {
      const rowCount = await prisma.$executeRawUnsafe(text, ...values);
      return { rows: [], rowCount, command: '', oid: 0, fields: [] };
    }
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
    return { rows: rows.map(asPoolRow), rowCount: rows.length, command: '', oid: 0, fields: [] };
  };
  return { query: query as Queryable['query'] };
}

function asPoolRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, asPoolValue(value)]));
}

function asPoolValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
  if (Array.isArray(value)) return value.map(asPoolValue);
  return value;
}

/**
 * Runs SQL-only `work` in one transaction on one pooled connection, rolled back if it throws: the
 * hot path's writes, which a Prisma transaction would slow. Its handle refuses Prisma, which
 * would run on another connection, outside the transaction. Given a transaction, `work` joins it.
 */
export async function inSqlTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (!databaseOf(db)) return work(db);
  return withPooledClient(db, async (client) => {
    try {
      await client.query('BEGIN');
      const result = await work(sqlOnly(client));
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
 * A handle on one connection taken from the pool, for SQL only: its Prisma side throws when used,
 * as it would run on another connection. Treated as a transaction: helpers given it join it.
 */
export function sqlOnly(connection: Queryable): Db {
  const prisma = new Proxy({} as Prisma.TransactionClient, {
    get(_target, property) {
      // Inspecting the handle (a log, a test's diff) or awaiting it is no query.
      if (typeof property === 'symbol' || property === 'then') return undefined;
      throw new Error(
        `this connection runs SQL only: Prisma (${property}) would run outside it; use inTransaction`,
      );
    },
  });
  return transaction({ prisma, pool: connection });
}

function transaction(handle: Db): Db {
  return marked(handle, 'transaction');
}

/**
 * Runs `work` on one connection taken from the database's pool (a session: advisory locks,
 * transactions committed step by step), and gives it back. Refused for a transaction. The pool
 * listens for errors only on its idle connections: one the server ends while it is taken out and
 * between two queries (Postgres restarting sends its notice right after the answer to a COMMIT)
 * would be thrown from an event handler and end the process. Here it is kept: the next query on
 * the connection fails with it, and the broken connection is dropped instead of reused.
 */
export async function withPooledClient<T>(db: Db, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const database = databaseOf(db);
  if (!database)
    throw new Error('a transaction holds its own connection: take one from the database instead');
  const client = await database.pool.connect();
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

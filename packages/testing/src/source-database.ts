import pg from 'pg';
import { databaseUrl, quoteIdent, withServerClient } from './postgres-server';
import { uniqueSuffix } from './unique-name';

export interface SourceRole {
  name: string;
  url: string;
  clientConfig: pg.ClientConfig;
}

export interface SourceRoleOptions {
  /** Default false: a plain login role, as an application's own user usually is. */
  replication?: boolean;
  password?: string;
}

/** An empty database on the test server (wal_level logical), to capture changes from. */
export interface SourceDatabase {
  name: string;
  /** Connects as the server's superuser. */
  url: string;
  clientConfig: pg.ClientConfig;
  // biome-ignore lint/suspicious/noExplicitAny: rows are untyped unless asked for, as with pg's own query().
  query<R extends pg.QueryResultRow = any>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** A login role of its own (roles are server-wide); drop() removes it. */
  createRole(options?: SourceRoleOptions): Promise<SourceRole>;
  /** Drops the database's replication slots (ending whoever streams from them), then the database. */
  drop(): Promise<void>;
}

const SLOT_DROP_TIMEOUT_MS = 15_000;

export async function createSourceDatabase(): Promise<SourceDatabase> {
  const name = `shardline_source_${uniqueSuffix()}`;
  await withServerClient((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = databaseUrl(name);
  const roles: string[] = [];
  let pool: pg.Pool | null = null;

  const getPool = () => {
    if (!pool) {
      // Idle connections stay open (drop() ends them): a benchmark counts each backend's CPU time
      // at the end of a run, and a backend that closed on its own would take its time with it.
      pool = new pg.Pool({
        connectionString: url,
        max: 2,
        application_name: 'shardline-testing',
        idleTimeoutMillis: 0,
      });
      // drop() ends every connection to the database, idle pooled ones included.
      pool.on('error', () => {});
    }
    return pool;
  };

  return {
    name,
    url,
    clientConfig: clientConfigFromUrl(url),
    query: (sql, params) => getPool().query(sql, params),
    async createRole(options = {}) {
      const role = `shardline_role_${uniqueSuffix()}`;
      roles.push(role);
      await withServerClient(async (client) => {
        const password = options.password ? ` PASSWORD ${client.escapeLiteral(options.password)}` : '';
        const replication = options.replication ? 'REPLICATION' : 'NOREPLICATION';
        await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN ${replication}${password}`);
      });
      const roleUrl = new URL(url);
      roleUrl.username = role;
      if (options.password) roleUrl.password = options.password;
      return { name: role, url: roleUrl.toString(), clientConfig: clientConfigFromUrl(roleUrl.toString()) };
    },
    async drop() {
      const open = pool as pg.Pool | null;
      pool = null;
      await open?.end();
      await withServerClient(async (client) => {
        await dropReplicationSlots(client, name);
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        for (const role of roles) await client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
      });
    },
  };
}

export function clientConfigFromUrl(url: string): pg.ClientConfig {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    user: decodeURIComponent(parsed.username),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
}

// A slot left behind would hold WAL on the shared test server for ever, and blocks DROP DATABASE.
async function dropReplicationSlots(client: pg.Client, database: string): Promise<void> {
  const deadline = Date.now() + SLOT_DROP_TIMEOUT_MS;
  for (;;) {
    const { rows } = await client.query<{ slot_name: string; active_pid: number | null }>(
      'SELECT slot_name, active_pid FROM pg_replication_slots WHERE database = $1',
      [database],
    );
    if (rows.length === 0) return;
    let inUse: unknown = null;
    for (const slot of rows) {
      if (slot.active_pid !== null) await client.query('SELECT pg_terminate_backend($1)', [slot.active_pid]);
      try {
        await client.query('SELECT pg_drop_replication_slot($1)', [slot.slot_name]);
      } catch (error) {
        // A terminated walsender releases its slot a moment after it is told to go; others may
        // have dropped the slot first.
        const code = (error as { code?: string }).code;
        if (code !== '55006' && code !== '42704') throw error;
        inUse = error;
      }
    }
    if (inUse && Date.now() > deadline) throw inUse;
    if (inUse) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

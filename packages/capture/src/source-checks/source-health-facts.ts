import type { SourceCheckResult } from '@shardline/db';
import type pg from 'pg';
import { connectionFailure } from './connection-failure';
import type { SourceTableChoice } from './source-check-report';
import { connectToSource } from './source-client';
import { readTableFacts } from './table-facts';

/**
 * What the periodic health check needs to know of a source: whether Shardline connects with the
 * saved settings (and if not, why, worded as the source checks word it), each chosen table's
 * kind, columns, primary key and whether the publication covers it, and the slot's WAL.
 */
export async function readSourceHealthFacts(
  clientConfig: pg.ClientConfig,
  options: { publicationName: string; slotName: string; tables: SourceTableChoice[]; timeoutMs: number },
): Promise<SourceCheckResult> {
  let client: pg.Client;
  try {
    client = await connectToSource(
      { ...clientConfig, connectionTimeoutMillis: options.timeoutMs, application_name: 'shardline-health' },
      { statementTimeoutMs: options.timeoutMs },
    );
  } catch (error) {
    const failure = connectionFailure(error, clientConfig);
    return { connected: false, title: failure.title, detail: failure.detail };
  }
  try {
    const tables = options.tables.map((table) => ({ ...table, schema: table.schema || 'public' }));
    const [database, facts, published, slot] = await Promise.all([
      client.query<{ name: string }>('SELECT current_database() AS name'),
      readTableFacts(client, tables),
      readPublishedOids(client, options.publicationName),
      client.query<{ active: boolean; retained: string | null; lag: string | null }>(
        `SELECT active,
                pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::text AS retained,
                pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::text AS lag
           FROM pg_replication_slots WHERE slot_name = $1 AND database = current_database()`,
        [options.slotName],
      ),
    ]);
    const slotRow = slot.rows[0];
    return {
      connected: true,
      database: database.rows[0]?.name ?? '',
      slot: slotRow
        ? {
            active: slotRow.active,
            retainedBytes: Math.max(0, Number(slotRow.retained ?? 0)),
            lagBytes: Math.max(0, Number(slotRow.lag ?? 0)),
          }
        : null,
      tables: facts.map((table) => ({
        schema: table.schema,
        name: table.name,
        kind: table.kind,
        columns: table.columns ?? [],
        primaryKey: table.primaryKey ?? [],
        published:
          published === null ? null : table.oid !== null && (published === 'all' || published.has(table.oid)),
        publishError: null,
      })),
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Oids of the tables the publication covers, `all` for FOR ALL TABLES, null when it does not exist. */
async function readPublishedOids(client: pg.Client, name: string): Promise<Set<number> | 'all' | null> {
  const publication = await client.query<{ oid: number; all_tables: boolean }>(
    'SELECT oid::int AS oid, puballtables AS all_tables FROM pg_publication WHERE pubname = $1',
    [name],
  );
  const row = publication.rows[0];
  if (!row) return null;
  if (row.all_tables) return 'all';
  // Tables named, in a schema named (FOR TABLES IN SCHEMA), or partitions of a named parent.
  const { rows } = await client.query<{ oid: number }>(
    `SELECT r.prrelid::int AS oid FROM pg_publication_rel r WHERE r.prpubid = $1
     UNION
     SELECT (quote_ident(t.schemaname) || '.' || quote_ident(t.tablename))::regclass::oid::int
       FROM pg_publication_tables t WHERE t.pubname = $2`,
    [row.oid, name],
  );
  return new Set(rows.map((published) => published.oid));
}

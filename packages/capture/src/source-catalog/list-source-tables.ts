import type pg from 'pg';
import { indexColumnsSql } from '../source-checks/index-columns-sql';
import { connectToSource } from '../source-checks/source-client';
import { SourceUnreachableError } from './source-unreachable-error';

/** pg_class.relreplident in words: what updates and deletes carry of the old row. */
export type ReplicaIdentity = 'default' | 'full' | 'index' | 'nothing';

export interface SourceTableColumn {
  name: string;
  /** As Postgres writes it: `integer`, `character varying(40)`, `timestamp with time zone`. */
  type: string;
  nullable: boolean;
}

/** A table of a source's database, as the sink form shows it for picking tables and grouping columns. */
export interface SourceTable {
  schema: string;
  name: string;
  columns: SourceTableColumn[];
  /** Its columns in key order; empty when it has none. */
  primaryKey: string[];
  replicaIdentity: ReplicaIdentity;
  /** Whether the source's publication already publishes its changes. */
  inPublication: boolean;
}

const REPLICA_IDENTITIES: Record<string, ReplicaIdentity> = {
  d: 'default',
  f: 'full',
  i: 'index',
  n: 'nothing',
};

// Catalog queries answer in milliseconds; a stuck one must not hang the form waiting on it.
const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * The tables that can be replicated (plain and partitioned tables, not their partitions) of the
 * source's database, outside the system schemas, by schema and name. Throws a
 * SourceUnreachableError, worded like the connection check, when the database cannot be reached.
 */
export async function listSourceTables(
  clientConfig: pg.ClientConfig,
  options: { publicationName: string },
): Promise<SourceTable[]> {
  let client: pg.Client;
  try {
    client = await connectToSource(clientConfig, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  } catch (error) {
    throw new SourceUnreachableError(error, clientConfig);
  }
  try {
    const { rows } = await client.query<Omit<SourceTable, 'replicaIdentity'> & { replicaIdentity: string }>(
      `
      SELECT n.nspname::text AS schema,
             c.relname::text AS name,
             COALESCE((
               SELECT json_agg(json_build_object(
                        'name', a.attname::text,
                        'type', format_type(a.atttypid, a.atttypmod),
                        'nullable', NOT a.attnotnull)
                      ORDER BY a.attnum)
                 FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ), '[]'::json) AS columns,
             ${indexColumnsSql('c.oid', 'indisprimary')} AS "primaryKey",
             c.relreplident::text AS "replicaIdentity",
             -- Named in the publication, through its schema (FOR TABLES IN SCHEMA), or FOR ALL TABLES.
             (EXISTS (SELECT 1 FROM pg_publication p WHERE p.pubname = $1 AND p.puballtables)
               OR EXISTS (SELECT 1 FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid
                           WHERE p.pubname = $1 AND r.prrelid = c.oid)
               OR EXISTS (SELECT 1 FROM pg_publication_tables t
                           WHERE t.pubname = $1 AND t.schemaname = n.nspname AND t.tablename = c.relname)
             ) AS "inPublication"
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p')
         AND NOT c.relispartition
         AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg\\_toast%'
         AND n.nspname NOT LIKE 'pg\\_temp\\_%'
       ORDER BY n.nspname, c.relname`,
      [options.publicationName],
    );
    return rows.map((row) => ({
      schema: row.schema,
      name: row.name,
      columns: row.columns,
      primaryKey: row.primaryKey,
      replicaIdentity: REPLICA_IDENTITIES[row.replicaIdentity] ?? 'default',
      inPublication: row.inPublication,
    }));
  } finally {
    await client.end().catch(() => {});
  }
}

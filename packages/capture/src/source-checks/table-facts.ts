import type pg from 'pg';
import { indexColumnsSql } from './index-columns-sql';
import type { SourceTableChoice } from './source-check-report';

/** One chosen table as the source database's catalog describes it. */
export interface TableFacts {
  schema: string;
  name: string;
  /** `schema.name`, as a person reads it. */
  label: string;
  /** As it must be written in SQL. */
  quoted: string;
  groupColumns: string[];
  oid: number | null;
  /** pg_class.relkind: r table, p partitioned table, v view, m materialized view, f foreign table. */
  kind: string | null;
  columns: string[];
  primaryKey: string[];
  /** pg_class.relreplident: d default, f full, i index, n nothing. */
  replicaIdentity: string | null;
  identityIndex: string | null;
  identityColumns: string[];
  /** The role owns the table (directly or through a role it belongs to). */
  owned: boolean;
  canSelect: boolean;
}

/** Only these can be in a publication. */
export function isReplicable(table: TableFacts): boolean {
  return table.kind === 'r' || table.kind === 'p';
}

export async function readTableFacts(client: pg.Client, tables: SourceTableChoice[]): Promise<TableFacts[]> {
  const { rows } = await client.query<Omit<TableFacts, 'groupColumns' | 'label'>>(
    `
    SELECT t.schema, t.name,
           quote_ident(t.schema) || '.' || quote_ident(t.name) AS quoted,
           c.oid::int AS oid,
           c.relkind::text AS kind,
           c.relreplident::text AS "replicaIdentity",
           COALESCE(pg_has_role(c.relowner, 'USAGE'), false) AS owned,
           COALESCE(has_table_privilege(c.oid, 'SELECT'), false) AS "canSelect",
           ARRAY(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  ORDER BY a.attnum) AS columns,
           ${indexColumnsSql('c.oid', 'indisprimary')} AS "primaryKey",
           (SELECT x.indexrelid::regclass::text FROM pg_index x
             WHERE x.indrelid = c.oid AND x.indisreplident) AS "identityIndex",
           ${indexColumnsSql('c.oid', 'indisreplident')} AS "identityColumns"
      FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(schema, name, position)
      LEFT JOIN pg_namespace n ON n.nspname = t.schema
      LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.name
     ORDER BY t.position`,
    [tables.map((table) => table.schema), tables.map((table) => table.name)],
  );
  return rows.map((row, index) => ({
    ...row,
    label: `${row.schema}.${row.name}`,
    groupColumns: tables[index]?.groupColumns ?? [],
  }));
}

import { quoteIdent } from '../source-checks/source-client';
import { BackfillRefusal } from './backfill-refusal';
import type { BackfillSource } from './backfill-source';

/** What reading a table's pages needs to know of it, looked up at each page (schemas change). */
export interface TableShape {
  oid: number;
  /** `"schema"."name"`. */
  qualifiedName: string;
  /** The columns a change of the table carries, in table order. */
  columns: string[];
  primaryKey: Array<{ name: string; type: string }>;
  /** The publication's row filter for the table (PostgreSQL 15+), so reads match changes. */
  rowFilter: string | null;
}

// The columns pgoutput sends: not dropped, not generated, and within the publication's column
// list when it has one. Key types without typmod, to cast the cursor's text back to them.
const shapeSql = (withPublicationLists: boolean) => `
  SELECT c.oid::int8 AS oid,
         ARRAY(SELECT a.attname::text FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ${withPublicationLists ? 'AND (pt.attnames IS NULL OR a.attname = ANY (pt.attnames))' : ''}
                ORDER BY a.attnum) AS columns,
         ARRAY(SELECT a.attname::text FROM pg_index i
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = c.oid AND i.indisprimary
                ORDER BY array_position(i.indkey::int2[], a.attnum)) AS key_columns,
         ARRAY(SELECT format_type(a.atttypid, NULL) FROM pg_index i
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = c.oid AND i.indisprimary
                ORDER BY array_position(i.indkey::int2[], a.attnum)) AS key_types,
         ${withPublicationLists ? 'pt.rowfilter' : 'NULL::text'} AS row_filter
    FROM pg_class c
    ${
      withPublicationLists
        ? 'LEFT JOIN pg_publication_tables pt ON pt.pubname = $2 AND pt.schemaname = $3 AND pt.tablename = $4'
        : ''
    }
   WHERE c.oid = to_regclass($1) AND c.relkind IN ('r', 'p')`;

export async function describeTable(
  source: BackfillSource,
  table: { schema: string; name: string; publicationName: string },
): Promise<TableShape> {
  const qualifiedName = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const withPublicationLists = source.serverVersion >= 150000;
  const result = await source.client.query<{
    oid: string;
    columns: string[];
    key_columns: string[];
    key_types: string[];
    row_filter: string | null;
  }>(
    shapeSql(withPublicationLists),
    withPublicationLists ? [qualifiedName, table.publicationName, table.schema, table.name] : [qualifiedName],
  );
  const row = result.rows[0];
  const label = `${table.schema}.${table.name}`;
  if (!row) throw new BackfillRefusal(`table ${label} does not exist on the source`);
  if (row.key_columns.length === 0) {
    throw new BackfillRefusal(
      `table ${label} has no primary key: a backfill reads rows in primary-key order, page after ` +
        'page, and needs that stable order to know where it stopped. Add a primary key, then resume the backfill.',
    );
  }
  return {
    oid: Number(row.oid),
    qualifiedName,
    columns: row.columns,
    primaryKey: row.key_columns.map((name, index) => ({ name, type: row.key_types[index] ?? 'text' })),
    rowFilter: row.row_filter,
  };
}

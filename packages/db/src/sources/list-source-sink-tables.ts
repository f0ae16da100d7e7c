import type { Db } from '../database';

/** A table some sink of a source takes, as the source checks want it. */
export interface SourceSinkTable {
  schema: string;
  name: string;
  /** Empty when a sink groups the table's messages by its primary key. */
  groupColumns: string[];
}

/**
 * Every table the sinks of a source take, once each, for checking the source. A table taken by
 * several sinks is checked for what all of them need: a primary key if any of them groups by it
 * (empty groupColumns), otherwise every grouping column any of them names.
 */
export async function listSourceSinkTables(
  db: Db,
  options: { sourceId: string },
): Promise<SourceSinkTable[]> {
  const rows = await db.prisma.sinkTable.findMany({
    where: { sink: { sourceId: options.sourceId } },
    select: { tableSchema: true, tableName: true, groupColumns: true },
    orderBy: [{ tableSchema: 'asc' }, { tableName: 'asc' }],
  });
  const tables = new Map<string, SourceSinkTable>();
  for (const row of rows) {
    const key = JSON.stringify([row.tableSchema, row.tableName]);
    const seen = tables.get(key);
    if (!seen) {
      tables.set(key, { schema: row.tableSchema, name: row.tableName, groupColumns: [...row.groupColumns] });
    } else if (seen.groupColumns.length > 0) {
      seen.groupColumns =
        row.groupColumns.length === 0 ? [] : [...new Set([...seen.groupColumns, ...row.groupColumns])];
    }
  }
  return [...tables.values()];
}

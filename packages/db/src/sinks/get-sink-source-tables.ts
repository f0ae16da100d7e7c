import type { Db } from '../database';
import { isUuid } from './sink-id';

/** A sink's name, source and tables, as publishing them on the source needs. */
export interface SinkSourceTables {
  name: string;
  sourceId: string | null;
  tables: Array<{ schema: string; name: string; groupColumns: string[] }>;
}

/** Null when there is no such sink. */
export async function getSinkSourceTables(
  db: Db,
  options: { sinkId: string },
): Promise<SinkSourceTables | null> {
  if (!isUuid(options.sinkId)) return null;
  const sink = await db.prisma.sink.findUnique({
    where: { id: options.sinkId },
    select: { name: true, sourceId: true, tables: true },
  });
  if (!sink) return null;
  return {
    name: sink.name,
    sourceId: sink.sourceId,
    tables: sink.tables.map((table) => ({
      schema: table.tableSchema,
      name: table.tableName,
      groupColumns: table.groupColumns,
    })),
  };
}

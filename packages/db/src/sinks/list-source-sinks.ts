import type { MessageAction } from '@shardline/core';
import type { Database } from '../database';

/** How a sink takes one table's changes. */
export interface SinkTableRoute {
  actions: ReadonlySet<MessageAction>;
  /** Empty: group by the primary key. */
  groupColumns: readonly string[];
}

/** What the change reader needs to know of each sink fed by a source. */
export interface SourceSinkRoute {
  sinkId: string;
  sinkName: string;
  laneCount: number;
  annotations: Record<string, string>;
  /** `(message) => boolean` run on each of the sink's messages when read; null: keep all. */
  filterSource: string | null;
  /** Keyed by `schema.table`. */
  tables: ReadonlyMap<string, SinkTableRoute>;
}

export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}

/** Every sink of a source with its tables, actions and grouping. Paused sinks still get messages stored. */
export async function listSourceSinks(
  db: Database,
  options: { sourceId: string },
): Promise<SourceSinkRoute[]> {
  const sinks = await db.prisma.sink.findMany({
    where: { sourceId: options.sourceId },
    include: { tables: true },
    orderBy: { createdAt: 'asc' },
  });
  return sinks.map((sink) => ({
    sinkId: sink.id,
    sinkName: sink.name,
    laneCount: sink.laneCount,
    annotations: (sink.annotations ?? {}) as Record<string, string>,
    filterSource: sink.filterSource,
    tables: new Map(
      sink.tables.map((table) => [
        tableKey(table.tableSchema, table.tableName),
        { actions: new Set(table.actions as MessageAction[]), groupColumns: table.groupColumns },
      ]),
    ),
  }));
}

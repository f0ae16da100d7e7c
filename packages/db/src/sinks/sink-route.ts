import type { MessageAction } from '@shardline/core';

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

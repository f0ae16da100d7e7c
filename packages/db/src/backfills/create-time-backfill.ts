import type { Db } from '../database';
import { insertBackfill } from './insert-backfill';

/** A sink being created, with the tables it takes as its input gave them. */
interface NewSink {
  id: string;
  name: string;
  sourceId: string | null;
  tables: ReadonlyArray<{ schema: string; name: string; sendExistingRows?: boolean }>;
}

/** A table's rows can only be sent when the sink reads a source. Returns the problem, or null. */
export function checkSendExistingRows(value: { sourceId?: string | null; tables: NewSink['tables'] }): {
  path: Array<string | number>;
  message: string;
} | null {
  if (value.sourceId) return null;
  const index = value.tables.findIndex((table) => table.sendExistingRows);
  if (index < 0) return null;
  return {
    path: ['tables', index, 'sendExistingRows'],
    message: 'sending the rows that already exist needs a source to read them from: choose the source',
  };
}

/**
 * Starts, with a sink being created and in its transaction, the backfill of the tables chosen to
 * "also send the rows that already exist", in the order given: the sink and its backfill are
 * saved together or not at all. Nothing when no table asks for it.
 */
export async function startCreateTimeBackfill(tx: Db, sink: NewSink, by: string | undefined): Promise<void> {
  const tables = sink.tables
    .filter((table) => table.sendExistingRows)
    .map((table) => ({ schema: table.schema, name: table.name }));
  if (tables.length === 0 || !sink.sourceId) return;
  await insertBackfill(tx, { sinkId: sink.id, sinkName: sink.name, tables, by });
}

import type { Db } from '../database';
import { publicSinkInclude } from './public-sink';
import { type SinkSummary, summariseSinks } from './sink-summary';

/** Every sink, by name, with its tables, health and backlog counts. */
export async function listSinkSummaries(db: Db): Promise<SinkSummary[]> {
  const sinks = await db.prisma.sink.findMany({
    orderBy: { name: 'asc' },
    include: { ...publicSinkInclude, tables: true },
  });
  return summariseSinks(db, sinks);
}

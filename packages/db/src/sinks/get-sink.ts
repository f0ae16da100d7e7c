import { NotFoundError } from '@shardline/core';
import type { Db } from '../database';
import { publicSinkInclude } from './public-sink';
import { isUuid } from './sink-id';
import { type SinkSummary, summariseSinks } from './sink-summary';

/** One sink with its tables, health and backlog counts. */
export async function getSink(db: Db, options: { sinkId: string }): Promise<SinkSummary> {
  // The id column is a uuid: anything else cannot name a sink, and would fail the query.
  const sink = isUuid(options.sinkId)
    ? await db.prisma.sink.findUnique({
        where: { id: options.sinkId },
        include: { ...publicSinkInclude, tables: true },
      })
    : null;
  const [summary] = sink ? await summariseSinks(db, [sink]) : [];
  if (!summary) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
  return summary;
}

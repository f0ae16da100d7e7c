import { NotFoundError } from '@shardline/core';
import type { Db } from '../../database';
import { isUuid } from '../../sinks/sink-id';
import { type PublicSinkThresholds, toPublicSinkThresholds } from './public-sink-thresholds';

/** A sink's own alert thresholds; a NotFoundError when there is no such sink. */
export async function getSinkAlertThresholds(
  db: Db,
  options: { sinkId: string },
): Promise<PublicSinkThresholds> {
  const sink = isUuid(options.sinkId)
    ? await db.prisma.sink.findUnique({
        where: { id: options.sinkId },
        select: { id: true, name: true, alertThresholds: true },
      })
    : null;
  if (!sink) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
  return toPublicSinkThresholds(sink, sink.alertThresholds);
}

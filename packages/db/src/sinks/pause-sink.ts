import { NotFoundError } from '@shardline/core';
import type { Database } from '../database';
import { notifyWake } from '../wake-channel';

/** Stops delivery of a sink: messages keep being stored, none is sent until it resumes. */
export async function pauseSink(db: Database, options: { sinkId: string; by: string }): Promise<void> {
  const { count } = await db.prisma.sink.updateMany({
    where: { id: options.sinkId },
    data: { pausedAt: new Date(), pausedBy: options.by },
  });
  if (count === 0) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
}

export async function resumeSink(db: Database, options: { sinkId: string }): Promise<void> {
  const { count } = await db.prisma.sink.updateMany({
    where: { id: options.sinkId },
    data: { pausedAt: null, pausedBy: null },
  });
  if (count === 0) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
  await notifyWake(db.pool, { sinkId: options.sinkId });
}

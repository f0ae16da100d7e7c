import { NotFoundError } from '@shardline/core';
import type { Database } from '../database';

/** Deletes a sink with all its messages and their history. */
export async function deleteSink(db: Database, options: { sinkId: string }): Promise<void> {
  const { count } = await db.prisma.sink.deleteMany({ where: { id: options.sinkId } });
  if (count === 0) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
}

import type { Db } from '../database';

/** Where a sink sends, found by the sink's name; null when there is no such sink. */
export async function findSinkByName(db: Db, options: { name: string }) {
  return db.prisma.sink.findUnique({
    where: { name: options.name },
    select: { id: true, streamArn: true, sourceId: true, endpoint: true },
  });
}

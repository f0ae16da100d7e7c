import type { Db } from '../database';

/** A sink's saved routing function (null: none), or null when there is no such sink. */
export async function getSinkRoutingSource(
  db: Db,
  options: { sinkId: string },
): Promise<{ routingSource: string | null } | null> {
  return db.prisma.sink.findUnique({ where: { id: options.sinkId }, select: { routingSource: true } });
}

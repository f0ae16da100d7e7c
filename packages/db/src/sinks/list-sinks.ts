import type { Db } from '../database';
import { type PublicSink, publicSinkInclude, toPublicSink } from './public-sink';

export async function listSinks(db: Db): Promise<PublicSink[]> {
  const sinks = await db.prisma.sink.findMany({ orderBy: { name: 'asc' }, include: publicSinkInclude });
  return sinks.map(toPublicSink);
}

/** Ids of sinks whose messages should be delivered now. */
export async function listActiveSinkIds(db: Db): Promise<Array<{ id: string; laneCount: number }>> {
  return db.prisma.sink.findMany({ where: { pausedAt: null }, select: { id: true, laneCount: true } });
}

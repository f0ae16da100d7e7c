import type { Db } from '../database';

/** The ids of the sources an engine should read: those with at least one sink. */
export async function listSourcesToRead(db: Db): Promise<string[]> {
  const sources = await db.prisma.source.findMany({ where: { sinks: { some: {} } }, select: { id: true } });
  return sources.map((source) => source.id);
}

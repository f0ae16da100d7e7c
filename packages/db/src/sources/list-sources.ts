import type { Db } from '../database';
import { type PublicSource, toPublicSource } from './public-source';

export async function listSources(db: Db): Promise<PublicSource[]> {
  const sources = await db.prisma.source.findMany({ orderBy: { name: 'asc' } });
  return sources.map(toPublicSource);
}

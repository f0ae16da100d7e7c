import { NotFoundError } from '@shardline/core';
import type { Db } from '../database';
import { type PublicSource, toPublicSource } from './public-source';

export async function getSource(db: Db, options: { sourceId: string }): Promise<PublicSource> {
  const source = await db.prisma.source.findUnique({ where: { id: options.sourceId } });
  if (!source) throw new NotFoundError(`source ${options.sourceId} does not exist`);
  return toPublicSource(source);
}

import { ValidationError } from '@shardline/core';
import type { Db } from '../database';

/** A sink may only name a source that exists; otherwise the foreign key would fail obscurely. */
export async function assertSourceExists(db: Db, sourceId: string | null | undefined): Promise<void> {
  if (!sourceId) return;
  const source = await db.prisma.source.findUnique({ where: { id: sourceId }, select: { id: true } });
  if (!source) {
    throw new ValidationError(
      `sourceId: source ${sourceId} does not exist: choose one of the existing sources`,
      'sourceId',
    );
  }
}

import type { Db } from '../database';
import { type BackfillState, type PublicBackfill, toPublicBackfill } from './public-backfill';

/** Backfills with their progress, newest first; of one sink, in some states, or all. */
export async function listBackfills(
  db: Db,
  options: { sinkId?: string; states?: BackfillState[]; limit?: number } = {},
): Promise<PublicBackfill[]> {
  const rows = await db.prisma.backfill.findMany({
    where: {
      ...(options.sinkId === undefined ? {} : { sinkId: options.sinkId }),
      ...(options.states === undefined ? {} : { state: { in: options.states } }),
    },
    orderBy: { startedAt: 'desc' },
    take: options.limit ?? 100,
  });
  return rows.map(toPublicBackfill);
}

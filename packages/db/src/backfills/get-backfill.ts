import { NotFoundError } from '@shardline/core';
import type { Db } from '../database';
import { type PublicBackfill, toPublicBackfill } from './public-backfill';

/** A backfill with its progress; with `sinkId`, only if it is that sink's (as its API path says). */
export async function getBackfill(
  db: Db,
  options: { backfillId: string; sinkId?: string },
): Promise<PublicBackfill> {
  const row = await findBackfill(db, options.backfillId, options.sinkId);
  if (!row) throw new NotFoundError(backfillNotFound(options));
  return toPublicBackfill(row);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row, or null; an id that is not a UUID cannot name one, and would make the query fail. */
export async function findBackfill(db: Db, backfillId: string, sinkId?: string) {
  if (!UUID.test(backfillId)) return null;
  const row = await db.prisma.backfill.findUnique({ where: { id: backfillId } });
  return row && (sinkId === undefined || row.sinkId === sinkId) ? row : null;
}

export function backfillNotFound(options: { backfillId: string; sinkId?: string }): string {
  return options.sinkId === undefined
    ? `backfill ${options.backfillId} does not exist`
    : `the sink ${options.sinkId} has no backfill ${options.backfillId}`;
}

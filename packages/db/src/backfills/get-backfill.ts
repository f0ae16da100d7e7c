import { NotFoundError } from '@shardline/core';
import type { Database } from '../database';
import { type PublicBackfill, toPublicBackfill } from './public-backfill';

export async function getBackfill(db: Database, options: { backfillId: string }): Promise<PublicBackfill> {
  const row = await findBackfill(db, options.backfillId);
  if (!row) throw new NotFoundError(`backfill ${options.backfillId} does not exist`);
  return toPublicBackfill(row);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row, or null; an id that is not a UUID cannot name one, and would make the query fail. */
export async function findBackfill(db: Database, backfillId: string) {
  if (!UUID.test(backfillId)) return null;
  return db.prisma.backfill.findUnique({ where: { id: backfillId } });
}

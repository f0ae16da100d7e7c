import { NotFoundError, ValidationError } from '@shardline/core';
import type { Database } from '../database';
import { findBackfill } from './get-backfill';
import { type BackfillState, type PublicBackfill, toPublicBackfill } from './public-backfill';

/**
 * Moves a backfill from one of `from` to `to` in one conditional update, so a change racing
 * the engine (which finishes or fails it) cannot resurrect a finished one. The engine re-reads
 * the state before storing each page, so the change takes effect between pages.
 */
export async function changeBackfillState(
  db: Database,
  options: {
    backfillId: string;
    from: readonly BackfillState[];
    to: BackfillState;
    /** The verb for messages: "paused", "resumed", "cancelled". */
    verb: string;
  },
): Promise<PublicBackfill> {
  const { backfillId, from, to } = options;
  const existing = await findBackfill(db, backfillId);
  if (!existing) throw new NotFoundError(`backfill ${backfillId} does not exist`);
  const finishing = to === 'cancelled';
  const { count } = await db.prisma.backfill.updateMany({
    where: { id: backfillId, state: { in: [...from] } },
    data: {
      state: to,
      ...(finishing ? { finishedAt: new Date() } : {}),
      // Running again starts afresh: the error that stopped it is no longer the news.
      ...(to === 'running' ? { finishedAt: null, lastError: null } : {}),
    },
  });
  const row = await findBackfill(db, backfillId);
  if (!row) throw new NotFoundError(`backfill ${backfillId} does not exist`);
  if (count === 0) {
    throw new ValidationError(
      `the backfill ${backfillId} is ${row.state}: only a ${from.join(' or ')} backfill can be ${options.verb}`,
      'backfillId',
    );
  }
  return toPublicBackfill(row);
}

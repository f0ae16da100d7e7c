import type { Database } from '../database';
import { changeBackfillState } from './change-backfill-state';
import type { PublicBackfill } from './public-backfill';

/** Ends a backfill for good; the `read` messages already stored are still delivered. */
export function cancelBackfill(db: Database, options: { backfillId: string }): Promise<PublicBackfill> {
  return changeBackfillState(db, {
    ...options,
    from: ['running', 'paused', 'failed'],
    to: 'cancelled',
    verb: 'cancelled',
  });
}

import type { Db } from '../database';
import { type BackfillCommandOptions, changeBackfillState } from './change-backfill-state';
import type { PublicBackfill } from './public-backfill';

/** Ends a backfill for good; the `read` messages already stored are still delivered. */
export function cancelBackfill(db: Db, options: BackfillCommandOptions): Promise<PublicBackfill> {
  return changeBackfillState(db, {
    ...options,
    command: 'cancel',
    from: ['running', 'paused', 'failed'],
    to: 'cancelled',
  });
}

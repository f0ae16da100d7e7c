import type { Database } from '../database';
import { changeBackfillState } from './change-backfill-state';
import type { PublicBackfill } from './public-backfill';

/** Stops reading after the page under way (which is dropped, and read again on resume). */
export function pauseBackfill(db: Database, options: { backfillId: string }): Promise<PublicBackfill> {
  return changeBackfillState(db, { ...options, from: ['running'], to: 'paused', verb: 'paused' });
}

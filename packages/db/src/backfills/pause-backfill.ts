import type { Db } from '../database';
import { type BackfillCommandOptions, changeBackfillState } from './change-backfill-state';
import type { PublicBackfill } from './public-backfill';

/** Stops reading after the page under way (which is dropped, and read again on resume). */
export function pauseBackfill(db: Db, options: BackfillCommandOptions): Promise<PublicBackfill> {
  return changeBackfillState(db, { ...options, command: 'pause', from: ['running'], to: 'paused' });
}

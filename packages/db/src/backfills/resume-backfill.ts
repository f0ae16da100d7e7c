import { ConflictError } from '@shardline/core';
import type { Db } from '../database';
import { type BackfillCommandOptions, changeBackfillState } from './change-backfill-state';
import type { PublicBackfill } from './public-backfill';

/**
 * Continues a paused backfill from its cursor; also retries a failed one (after the cause, say
 * a missing primary key, was fixed). Refused while the sink has another backfill under way.
 */
export async function resumeBackfill(db: Db, options: BackfillCommandOptions): Promise<PublicBackfill> {
  try {
    return await changeBackfillState(db, {
      ...options,
      command: 'resume',
      from: ['paused', 'failed'],
      to: 'running',
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    throw new ConflictError(
      `the backfill ${options.backfillId} cannot be resumed while its sink has another backfill running or paused`,
      'backfillId',
    );
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { type Db, isStoreUnavailable, recordDeliveryOutcomes } from '@shardline/db';
import type { Logger } from 'pino';

export type DeliveryOutcomes = Parameters<typeof recordDeliveryOutcomes>[1];

export interface StorePatience {
  logger: Logger;
  /** Aborted when the engine stops: waiting for the store ends there. */
  stopping: AbortSignal;
  /** Wait before the first retry; it doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 2_000;

/**
 * Records what Kinesis answered for one request, waiting for the store if it is unreachable.
 *
 * Kinesis has already accepted the delivered records: if their mark is not written, the next
 * holder of the lane sends them again. So while the store is down or restarting, the outcomes
 * stay in memory and the same write is tried again, 100 ms doubling to 2 s apart. That is safe
 * because the write is fenced by the lease token, not by its expiry: it applies only if no other
 * holder took the lane meanwhile, and throws LaneLeaseLostError otherwise (then that holder sends
 * the records again: at least once). When the engine stops, the wait ends with an error, and the
 * records are sent again by the next run. Any error that is not about reaching the store is
 * thrown at once, as before.
 */
export async function recordOutcomesPatiently(
  db: Db,
  outcomes: DeliveryOutcomes,
  patience: StorePatience,
): Promise<void> {
  const { logger, stopping } = patience;
  const context = {
    sinkId: outcomes.sinkId,
    lane: outcomes.lane,
    delivered: outcomes.delivered.length,
    failed: outcomes.failed.length,
  };
  let waitingSince: number | null = null;
  for (let retry = 0; ; retry++) {
    try {
      await recordDeliveryOutcomes(db, outcomes);
      if (waitingSince !== null)
        logger.info(
          { ...context, waitedMs: Date.now() - waitingSince, tries: retry + 1 },
          'the store is back: recorded the outcomes kept while it was unreachable',
        );
      return;
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      if (waitingSince === null) {
        waitingSince = Date.now();
        logger.warn(
          { ...context, err: error },
          'cannot reach the store to record what Kinesis answered: keeping the outcomes and trying again',
        );
      }
      await sleep(storeRetryDelayMs(retry, patience), undefined, { signal: stopping }).catch(() => {
        // Aborted: the check below ends the wait with the store's error.
      });
      if (stopping.aborted) {
        throw new Error(
          `the engine is stopping and the store is still unreachable: the outcomes of ${context.delivered + context.failed} records of lane ${outcomes.lane} of sink ${outcomes.sinkId} were not recorded, so they will be sent again`,
          { cause: error },
        );
      }
    }
  }
}

/** Wait before retry number `retry` (0 for the first): doubling from the first delay, capped. */
export function storeRetryDelayMs(
  retry: number,
  options: { firstDelayMs?: number; maxDelayMs?: number } = {},
): number {
  const first = options.firstDelayMs ?? FIRST_DELAY_MS;
  const max = options.maxDelayMs ?? MAX_DELAY_MS;
  return Math.min(max, first * 2 ** Math.min(retry, 30));
}

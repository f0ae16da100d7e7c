import { startPeriodicTask } from '@shardline/core';
import {
  applyBulkOperation,
  BulkOperationLostError,
  beatBulkOperationHeartbeat,
  type ClaimedBulkOperation,
  claimNextBulkOperation,
  type Database,
  failBulkOperation,
  finishBulkOperation,
  releaseBulkOperation,
} from '@shardline/db';
import type { Logger } from 'pino';

export interface BulkOperationRunner {
  /** Looks for operations to run now (also done every poll interval); resolves when idle. */
  runNow(): Promise<void>;
  /** Stops after the chunk under way, handing an unfinished operation back to the queue. */
  stop(): Promise<void>;
}

/**
 * Runs the bulk retries and discards people queue in the console, one at a time per engine,
 * chunk by chunk with progress and a heartbeat. The console only queues them: a long run must
 * not live in a web request, and an engine that dies mid-way is replaced by another one, which
 * takes the operation over once its heartbeat is older than `staleAfterMs`.
 */
export function startBulkOperationRunner(options: {
  db: Database;
  logger: Logger;
  pollIntervalMs?: number;
  heartbeatIntervalMs?: number;
  staleAfterMs?: number;
}): BulkOperationRunner {
  const { db, logger } = options;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5_000;

  async function drain(stopping: AbortSignal): Promise<void> {
    while (!stopping.aborted) {
      const operation = await claimNextBulkOperation(db, { staleAfterMs: options.staleAfterMs });
      if (!operation) return;
      await run(operation, stopping);
    }
  }

  async function run(operation: ClaimedBulkOperation, stopping: AbortSignal): Promise<void> {
    const context = { operationId: operation.id, sinkId: operation.sinkId, action: operation.action };
    logger.info({ ...context, total: operation.total, done: operation.done }, 'bulk operation started');
    // Chunks beat the heartbeat too; this covers a chunk that scans long to find few matches.
    const heartbeat = setInterval(() => {
      beatBulkOperationHeartbeat(db, operation).catch((error: unknown) =>
        logger.warn({ ...context, err: error }, 'could not record the heartbeat of a bulk operation'),
      );
    }, heartbeatIntervalMs);
    heartbeat.unref();
    try {
      const outcome = await applyBulkOperation(db, operation, { shouldStop: () => stopping.aborted });
      if (outcome === 'stopped') {
        await releaseBulkOperation(db, operation);
        logger.info(context, 'bulk operation handed back to the queue: this engine is stopping');
      } else if (await finishBulkOperation(db, operation)) {
        logger.info(context, 'bulk operation done');
      }
    } catch (error) {
      if (error instanceof BulkOperationLostError) {
        logger.warn({ ...context, err: error }, 'bulk operation taken over by another engine');
        return;
      }
      logger.error({ ...context, err: error }, 'bulk operation failed');
      // If the database itself is gone this fails too, and another engine takes the operation
      // over once its heartbeat is stale.
      await failBulkOperation(db, operation, (error as Error).message ?? String(error)).catch(
        (failure: unknown) =>
          logger.error({ ...context, err: failure }, 'could not record a bulk operation failure'),
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  return startPeriodicTask({
    intervalMs: options.pollIntervalMs ?? 1_000,
    run: drain,
    onError: (error) => logger.error({ err: error }, 'looking for bulk operations to run failed'),
  });
}

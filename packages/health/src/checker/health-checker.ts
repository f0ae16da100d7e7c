import { type PeriodicTask, type SecretBox, startPeriodicTask } from '@shardline/core';
import {
  claimSinkChecks,
  claimSourceChecks,
  type Database,
  listSinkHealth,
  recordSinkHealthStatuses,
} from '@shardline/db';
import type { Logger } from 'pino';
import { checkSinkStream } from './check-sink-stream';
import { checkSourceHealth } from './check-source-health';

export interface HealthCheckerOptions {
  db: Database;
  secretBox: SecretBox;
  logger: Logger;
  /** How often each source and each sink is checked (across all engines), and how often this engine looks for due checks. */
  intervalMs?: number;
  /** How long a source database or a stream may take to answer one check. */
  timeoutMs?: number;
  /** Checks this engine runs at once. */
  concurrency?: number;
}

/**
 * Gathers the facts health is decided from, on every engine, safely with any number of them: each
 * tick claims the checks that are due (each source and sink once per interval across engines, and
 * at once after an edit), runs them, and notes every sink's state (since when it is in it).
 */
export function startHealthChecker(options: HealthCheckerOptions): PeriodicTask {
  const intervalMs = options.intervalMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const concurrency = options.concurrency ?? 4;
  const { db, logger } = options;
  const context = { db, secretBox: options.secretBox, logger, timeoutMs };

  async function tick(): Promise<void> {
    const [sources, sinks] = await Promise.all([
      claimSourceChecks(db, { periodMs: intervalMs }),
      claimSinkChecks(db, { periodMs: intervalMs }),
    ]);
    const work = [
      ...sources.map(
        ({ sourceId }) =>
          () =>
            checkSourceHealth(context, sourceId).then(() => undefined),
      ),
      ...sinks.map((claim) => () => checkSinkStream(context, claim).then(() => undefined)),
    ];
    await runAtMost(concurrency, work, (error) => {
      // A sink or source deleted since it was claimed has nothing left to check.
      if ((error as Error).name === 'NotFoundError') return;
      logger.error({ err: error }, 'a health check failed; it is tried again next time');
    });
    await recordSinkHealthStatuses(db, await listSinkHealth(db));
  }

  return startPeriodicTask({
    intervalMs,
    run: tick,
    onError: (error) => logger.error({ err: error }, 'checking health failed; trying again shortly'),
  });
}

/** Runs every piece of work, `limit` at a time; a failure is reported and the others go on. */
async function runAtMost(
  limit: number,
  work: Array<() => Promise<void>>,
  onError: (error: unknown) => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < work.length) {
      const piece = work[next++];
      await piece?.().catch(onError);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, work.length) }, lane));
}

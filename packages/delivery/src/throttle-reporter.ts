import { randomUUID } from 'node:crypto';
import { startPeriodicTask } from '@shardline/core';
import { type Database, reportSinkThrottling } from '@shardline/db';
import type { Logger } from 'pino';
import type { SinkRegistry } from './sink-registry';

/** This process, as its throttling reports name it: each engine learns its own send rate. */
export const ENGINE_ID = randomUUID();

export interface ThrottleReporter {
  /** One round of reports (also run every `intervalMs`). */
  reportNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Tells the console which sinks Kinesis is slowing down: every `intervalMs`, for each sink that
 * had records throttled in the last 30 s, its learned rate and the shards at their limit, and
 * once more when that clears, so the console can stop showing it.
 */
export function startThrottleReporter(options: {
  db: Database;
  sinks: SinkRegistry;
  logger: Logger;
  intervalMs: number;
  engineId?: string;
}): ThrottleReporter {
  const { db, sinks, logger } = options;
  const engineId = options.engineId ?? ENGINE_ID;
  const throttledLastRound = new Set<string>();

  async function round(): Promise<void> {
    for (const sink of sinks.loaded()) {
      const sinkId = sink.config.id;
      const summary = sink.streams.summary();
      const throttled = summary.throttledRecords > 0;
      if (!throttled && !throttledLastRound.has(sinkId)) continue;
      await reportSinkThrottling(db, { sinkId, engineId, ...summary });
      if (throttled) throttledLastRound.add(sinkId);
      else throttledLastRound.delete(sinkId);
    }
  }

  const task = startPeriodicTask({
    intervalMs: options.intervalMs,
    runAtStart: false,
    run: round,
    onError: (error) => logger.error({ err: error }, 'could not report sink throttling'),
  });
  return { reportNow: task.runNow, stop: task.stop };
}

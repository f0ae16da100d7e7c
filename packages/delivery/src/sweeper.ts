import { startPeriodicTask } from '@shardline/core';
import { type Database, findLanesWithWork, listActiveSinkIds } from '@shardline/db';
import type { Logger } from 'pino';
import type { LaneScheduler } from './lane-scheduler';

/**
 * Wakes every lane that has undelivered messages. Postgres knows all pending work, so this
 * rebuilds the queue after Redis lost its data and catches announcements nobody heard.
 */
export async function sweepLanes(deps: { db: Database; scheduler: LaneScheduler }): Promise<number> {
  let woken = 0;
  for (const sink of await listActiveSinkIds(deps.db)) {
    const lanes = await findLanesWithWork(deps.db, { sinkId: sink.id, laneCount: sink.laneCount });
    await deps.scheduler.wake(sink.id, lanes);
    woken += lanes.length;
  }
  return woken;
}

/** Sweeps every `intervalMs`, and on `sweepNow()`; the engine sweeps once itself when it has started. */
export function startSweeper(deps: {
  db: Database;
  scheduler: LaneScheduler;
  logger: Logger;
  intervalMs: number;
}): { sweepNow(): Promise<void>; stop(): Promise<void> } {
  const task = startPeriodicTask({
    intervalMs: deps.intervalMs,
    runAtStart: false,
    run: () => sweepLanes(deps),
    onError: (error) => deps.logger.error({ err: error }, 'sweep of lanes with work failed'),
  });
  return { sweepNow: task.runNow, stop: task.stop };
}

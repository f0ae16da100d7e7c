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

export function startSweeper(deps: {
  db: Database;
  scheduler: LaneScheduler;
  logger: Logger;
  intervalMs: number;
}): { sweepNow(): Promise<void>; stop(): void } {
  let running: Promise<void> | null = null;
  const sweepNow = () => {
    running ??= sweepLanes(deps)
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'sweep of lanes with work failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(sweepNow, deps.intervalMs);
  timer.unref();
  return {
    sweepNow,
    stop: () => clearInterval(timer),
  };
}

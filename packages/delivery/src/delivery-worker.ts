import { type ConnectionOptions, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { DELIVERY_QUEUE, JOBS, type RunLaneData } from './job-catalog';
import type { LaneRunner, LaneRunResult } from './lane-runner';
import type { LaneScheduler } from './lane-scheduler';

export interface DeliveryWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  runner: LaneRunner;
  scheduler: LaneScheduler;
  logger: Logger;
  concurrency: number;
  /** How long a job may go without its worker renewing it before another worker takes it over. */
  lockDurationMs: number;
  /** Wait before running a lane again after its run failed on an infrastructure error. */
  failedRunRetryMs: number;
}

type RunOutcome = LaneRunResult & { wakeCountBefore: string; runMs: number };

/**
 * Runs lanes for the delivery queue, then decides when each lane runs next: at once if it
 * worked or got new work meanwhile, when its next message is due, or when another holder's
 * lease ends.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): Worker<RunLaneData, RunOutcome> {
  const { runner, scheduler, logger } = options;
  const worker = new Worker<RunLaneData, RunOutcome>(
    DELIVERY_QUEUE,
    async (job: Job<RunLaneData>) => {
      const data = JOBS.runLane.data.safeParse(job.data);
      if (!data.success)
        throw new UnrecoverableError(`invalid ${JOBS.runLane.name} job data: ${data.error.message}`);
      const { sinkId, lane } = data.data;
      const wakeCountBefore = await scheduler.wakeCount(sinkId, lane);
      const startedAt = performance.now();
      const result = await runner.run(sinkId, lane);
      return { ...result, wakeCountBefore, runMs: Math.round(performance.now() - startedAt) };
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: Math.max(1_000, Math.floor(options.lockDurationMs / 2)),
      // A lane job that stalls (its worker died) is a wake-up call: always hand it on.
      maxStalledCount: Number.MAX_SAFE_INTEGER,
    },
  );

  worker.on('completed', (job, outcome) => {
    if (outcome.kind === 'worked') {
      logger.debug(
        {
          ...job.data,
          delivered: outcome.delivered,
          failed: outcome.failed,
          runMs: outcome.runMs,
          queuedMs: (job.processedOn ?? job.timestamp) - job.timestamp,
        },
        'lane run finished',
      );
    }
    scheduleNext(job.data, outcome).catch((error: unknown) => {
      // The periodic sweep re-wakes every lane with work, so this run's follow-up is not lost.
      logger.error({ err: error, ...job.data }, 'could not schedule the next run of a lane');
    });
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    logger.error({ err: error, ...job.data }, 'lane run failed; it will run again');
    scheduler
      .wakeAt(job.data.sinkId, job.data.lane, new Date(Date.now() + options.failedRunRetryMs))
      .catch((scheduleError: unknown) =>
        logger.error({ err: scheduleError, ...job.data }, 'could not reschedule a failed lane run'),
      );
  });
  worker.on('error', (error) => logger.error({ err: error }, 'delivery worker error'));

  async function scheduleNext({ sinkId, lane }: RunLaneData, outcome: RunOutcome): Promise<void> {
    switch (outcome.kind) {
      case 'worked':
        return scheduler.wake(sinkId, [lane]);
      case 'idle': {
        if ((await scheduler.wakeCount(sinkId, lane)) !== outcome.wakeCountBefore)
          return scheduler.wake(sinkId, [lane]);
        if (outcome.nextDueAt) return scheduler.wakeAt(sinkId, lane, new Date(outcome.nextDueAt));
        return;
      }
      case 'busy':
        return scheduler.wakeAt(
          sinkId,
          lane,
          outcome.busyUntil ? new Date(outcome.busyUntil) : new Date(Date.now() + 1_000),
        );
      case 'stopped':
        return;
      default: {
        const unhandled: never = outcome;
        throw new Error(`unhandled lane run outcome ${JSON.stringify(unhandled)}`);
      }
    }
  }

  return worker;
}

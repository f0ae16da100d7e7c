import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/**
 * Every queue and job the engine uses, with the schema of its data. Jobs carry ids only: what
 * a message is and what happened to it lives in Postgres.
 */
export const DELIVERY_QUEUE = 'delivery';
export const MAINTENANCE_QUEUE = 'maintenance';

export const JOBS = {
  /** Deliver what is due in one lane of one sink. */
  runLane: {
    name: 'run-lane',
    queue: DELIVERY_QUEUE,
    data: z.object({ sinkId: z.uuid(), lane: z.int().nonnegative() }),
  },
  /** Delete delivered and discarded messages past the retention window. */
  pruneMessages: {
    name: 'prune-messages',
    queue: MAINTENANCE_QUEUE,
    data: z.object({}),
  },
} as const;

export type RunLaneData = z.infer<typeof JOBS.runLane.data>;

/**
 * A lane job is only a wake-up call: the queue never retries it (a failed run is rescheduled
 * by the engine from Postgres) and never keeps it once finished, so its id can be reused.
 */
export const WAKE_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: true,
};

// BullMQ refuses a custom job id holding ':' (its key separator) unless it has exactly three
// parts, and means to refuse any: job ids here are separated by '.'.

/** The job id of an immediate run of a lane: at most one waits at a time. */
export function laneWakeJobId(sinkId: string, lane: number): string {
  return `wake.${sinkId}.${lane}`;
}

/**
 * The job id of a run of a lane at a given time. Everyone who computes the same due time
 * (from the same rows) schedules the same job, so chains of wake-ups merge instead of growing.
 */
export function laneDueJobId(sinkId: string, lane: number, at: Date): string {
  return `due.${sinkId}.${lane}.${at.getTime()}`;
}

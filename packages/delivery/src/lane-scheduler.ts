import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, laneDueJobId, laneWakeJobId, type RunLaneData, WAKE_JOB_OPTIONS } from './job-catalog';

/**
 * Puts lane runs on the delivery queue. Besides the job, each wake bumps a per-lane counter:
 * a run that found nothing compares the counter before and after, and runs again if new work
 * was announced while it was busy (the queue drops a wake whose job id is still active).
 */
export class LaneScheduler {
  constructor(
    private readonly queue: Queue<RunLaneData>,
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async wake(sinkId: string, lanes: readonly number[]): Promise<void> {
    if (lanes.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const lane of lanes) pipeline.incr(this.#seqKey(sinkId, lane));
    await pipeline.exec();
    await this.queue.addBulk(
      lanes.map((lane) => ({
        name: JOBS.runLane.name,
        data: { sinkId, lane },
        opts: { ...WAKE_JOB_OPTIONS, jobId: laneWakeJobId(sinkId, lane) },
      })),
    );
  }

  async wakeAt(sinkId: string, lane: number, at: Date): Promise<void> {
    const delay = Math.max(0, at.getTime() - Date.now());
    await this.queue.add(
      JOBS.runLane.name,
      { sinkId, lane },
      { ...WAKE_JOB_OPTIONS, jobId: laneDueJobId(sinkId, lane, at), delay },
    );
  }

  async wakeCount(sinkId: string, lane: number): Promise<string> {
    return (await this.redis.get(this.#seqKey(sinkId, lane))) ?? '0';
  }

  #seqKey(sinkId: string, lane: number): string {
    // The prefix carries the hash tag, so these keys live on the queue's Redis Cluster slot.
    return `${this.keyPrefix}:wake-count:${sinkId}:${lane}`;
  }
}

import { randomUUID } from 'node:crypto';
import { deleteRedisKeys, redisUrl, testQueuePrefix } from '@shardline/testing';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { JOBS, laneDueJobId, laneWakeJobId, WAKE_JOB_OPTIONS } from '../src/job-catalog';

const prefix = testQueuePrefix();
const queue = new Queue(JOBS.runLane.queue, { connection: { url: redisUrl() }, prefix });

afterAll(async () => {
  await queue.close();
  await deleteRedisKeys(prefix);
});

describe('lane job ids', () => {
  it('are accepted by BullMQ, so a lane with a failing message can schedule its next run', async () => {
    const data = { sinkId: randomUUID(), lane: 3 };
    const due = new Date(Date.now() + 60_000);
    const wake = await queue.add(JOBS.runLane.name, data, {
      ...WAKE_JOB_OPTIONS,
      jobId: laneWakeJobId(data.sinkId, data.lane),
    });
    const later = await queue.add(JOBS.runLane.name, data, {
      ...WAKE_JOB_OPTIONS,
      jobId: laneDueJobId(data.sinkId, data.lane, due),
      delay: 60_000,
    });
    expect(wake.id).toBe(laneWakeJobId(data.sinkId, data.lane));
    expect(later.id).toBe(laneDueJobId(data.sinkId, data.lane, due));
    // The same due time from another engine is the same job, not a second one.
    await queue.add(JOBS.runLane.name, data, {
      ...WAKE_JOB_OPTIONS,
      jobId: laneDueJobId(data.sinkId, data.lane, due),
      delay: 60_000,
    });
    expect(await queue.getDelayedCount()).toBe(1);
  });
});

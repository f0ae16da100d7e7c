import { type Database, pruneMessages } from '@shardline/db';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { JOBS, MAINTENANCE_QUEUE } from './job-catalog';

/**
 * Deletes delivered and discarded messages past the retention window. A repeatable job, so
 * however many engines run, one prune runs per interval.
 */
export async function startPruner(options: {
  db: Database;
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
  retentionMs: number;
  intervalMs: number;
}): Promise<{ close(): Promise<void> }> {
  const queue = new Queue(MAINTENANCE_QUEUE, { connection: options.connection, prefix: options.prefix });
  await queue.upsertJobScheduler(
    JOBS.pruneMessages.name,
    { every: options.intervalMs },
    { name: JOBS.pruneMessages.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async () => {
      const finishedBefore = new Date(Date.now() - options.retentionMs);
      const deleted = await pruneMessages(options.db, { finishedBefore });
      if (deleted > 0) options.logger.info({ deleted, finishedBefore }, 'pruned finished messages');
      return { deleted };
    },
    { connection: options.connection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on('failed', (_job, error) =>
    options.logger.error({ err: error }, 'pruning finished messages failed'),
  );
  worker.on('error', (error) => options.logger.error({ err: error }, 'maintenance worker error'));
  return {
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}

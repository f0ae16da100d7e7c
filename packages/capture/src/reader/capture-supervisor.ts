import { type SecretBox, startPeriodicTask } from '@shardline/core';
import {
  type Database,
  getSourceConnection,
  listSourceSinks,
  listSourcesToRead,
  recordSourceEvent,
  type SourceSinkRoute,
} from '@shardline/db';
import { createEngineMetrics, type EngineMetrics } from '@shardline/metrics';
import { TransformRunner } from '@shardline/transforms/runner';
import type { Logger } from 'pino';
import { BackfillRunner, type BackfillRunnerOptions } from '../backfill/backfill-runner';
import { publishSourceTables } from '../configuration/publish-sink-tables';
import { checkSource } from '../source-checks/check-source';
import { ReaderLock } from './reader-lock';
import { SourceReader, type SourceReaderOptions } from './source-reader';

export interface CaptureSupervisorOptions {
  db: Database;
  /** Shardline's own database, where reader locks are held. */
  databaseUrl: string;
  secretBox: SecretBox;
  logger: Logger;
  /** Where stored changes and replication lag are reported; prom-client's default registry unless given. */
  metrics?: EngineMetrics;
  /** How often to look for sources nobody reads. */
  pollIntervalMs?: number;
  /** Wait before trying a source again after its reader stopped on an error. */
  retryDelayMs?: number;
  reader?: Pick<SourceReaderOptions, 'flushIntervalMs' | 'maxBufferedChanges'>;
  backfill?: Pick<BackfillRunnerOptions, 'pageSize' | 'pollIntervalMs' | 'retryDelayMs'>;
}

interface RunningReader {
  reader: SourceReader;
  lock: ReaderLock;
  backfills?: BackfillRunner;
  /** Whether the reader got as far as streaming. */
  started: boolean;
}

/**
 * Makes sure every source with at least one sink is read by exactly one engine: each engine
 * tries, every few seconds, to take the lock of each source nobody reads, and reads the ones it
 * gets. A reader whose source lost its last sink (or was deleted) is stopped, so that the
 * request that did it can drop the slot: a source with no sink keeps no WAL.
 */
export function startCaptureSupervisor(options: CaptureSupervisorOptions): { stop(): Promise<void> } {
  const { db, logger } = options;
  const metrics = options.metrics ?? createEngineMetrics();
  // Sinks' filters run on worker threads of their own, never on this event loop: a filter stuck
  // in a long native call ends with its thread instead of holding every source's reader.
  const filters = new TransformRunner();
  const running = new Map<string, RunningReader>();
  const retryAfter = new Map<string, number>();

  async function poll(stopping: AbortSignal): Promise<void> {
    const sources = await listSourcesToRead(db);
    const wanted = new Set(sources);
    for (const [id, entry] of running) {
      if (wanted.has(id) || stopping.aborted) continue;
      logger.info({ sourceId: id }, 'the source has no sink any more (or is gone): reading stopped');
      // Its backfills and lock go when it has stopped (see startReader).
      await entry.reader.stop();
    }
    for (const id of sources) {
      if (stopping.aborted || running.has(id) || (retryAfter.get(id) ?? 0) > Date.now()) continue;
      await startReader(id).catch((error: Error) => onReaderError(id, error));
    }
  }

  async function startReader(sourceId: string): Promise<void> {
    const lock = await ReaderLock.tryAcquire(options.databaseUrl, sourceId, (error) => {
      // Without the lock another engine may start reading: stop at once.
      logger.warn({ err: error, sourceId }, 'lost the source reader lock; stopping this reader');
      void running.get(sourceId)?.reader.stop();
    });
    if (!lock) return;
    try {
      const { source, clientConfig } = await getSourceConnection(db, {
        secretBox: options.secretBox,
        sourceId,
      });
      const sinks = await listSourceSinks(db, { sourceId });
      const tables = sinkTables(sinks);
      // Say in plain words what is wrong with the source (wal_level, permissions, a missing
      // table…) rather than passing on whatever Postgres answers halfway through.
      const report = await checkSource(clientConfig, {
        publicationName: source.publicationName,
        slotName: source.slotName,
        tables,
        sourceId,
      });
      const problems = report.checks.filter((check) => check.status === 'error');
      if (problems.length > 0)
        throw new Error(problems.map((check) => `${check.title}: ${check.detail}`).join(' '));
      // Sinks saved without their tables published (with force, or by code that saves them
      // directly) get them now; requests publish before saving (saveWithPublication).
      await publishSourceTables(db, { source, clientConfig, tables });
      const reader = new SourceReader({
        db,
        sourceId,
        sourceName: source.name,
        clientConfig,
        publicationName: source.publicationName,
        slotName: source.slotName,
        logger,
        metrics,
        filters,
        ...options.reader,
      });
      const entry: RunningReader = { reader, lock, started: false };
      running.set(sourceId, entry);
      void reader.stopped.then(async (error) => {
        running.delete(sourceId);
        await entry.backfills?.stop();
        await lock.release();
        // A reader that never started reports through startReader's caller instead.
        if (error && entry.started) await onReaderError(sourceId, error);
      });
      await reader.start();
      entry.started = true;
      // Backfills run where the source is read: the same lock keeps each to one engine.
      if (running.get(sourceId) === entry) {
        entry.backfills = new BackfillRunner({
          db,
          sourceId,
          clientConfig,
          publicationName: source.publicationName,
          logger,
          metrics,
          filters,
          ...options.backfill,
        });
        entry.backfills.start();
      }
    } catch (error) {
      // Stopping the reader (if there is one) releases the lock; otherwise release it here.
      const entry = running.get(sourceId);
      if (entry) await entry.reader.stop();
      else await lock.release();
      throw error;
    }
  }

  async function onReaderError(sourceId: string, error: Error): Promise<void> {
    retryAfter.set(sourceId, Date.now() + (options.retryDelayMs ?? 5_000));
    logger.error({ err: error, sourceId }, 'could not read the source; trying again shortly');
    // An error event also becomes the source's last error, shown beside it.
    await recordSourceEvent(db, {
      sourceId,
      level: 'error',
      message: `Reading changes stopped: ${error.message}`,
    }).catch((writeError: unknown) =>
      logger.error({ err: writeError, sourceId }, 'could not record the source error'),
    );
  }

  const polling = startPeriodicTask({
    intervalMs: options.pollIntervalMs ?? 2_000,
    run: poll,
    onError: (error) => logger.error({ err: error }, 'looking for sources to read failed'),
  });

  return {
    async stop() {
      await polling.stop();
      await Promise.all(
        [...running.values()].map(({ reader, backfills }) => Promise.all([reader.stop(), backfills?.stop()])),
      );
      await filters.close();
    },
  };
}

/** Every table some sink of the source takes, with the grouping columns it was given. */
function sinkTables(
  sinks: SourceSinkRoute[],
): Array<{ schema: string; name: string; groupColumns?: string[] }> {
  const tables = new Map<string, { schema: string; name: string; groupColumns?: string[] }>();
  for (const sink of sinks) {
    for (const [key, route] of sink.tables) {
      const [schema = 'public', ...name] = key.split('.');
      const groupColumns =
        route.groupColumns.length > 0 ? [...route.groupColumns] : tables.get(key)?.groupColumns;
      tables.set(key, { schema, name: name.join('.'), ...(groupColumns ? { groupColumns } : {}) });
    }
  }
  return [...tables.values()];
}

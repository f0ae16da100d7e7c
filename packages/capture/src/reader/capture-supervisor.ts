import type { SecretBox } from '@shardline/core';
import { type Database, getSourceConnection, listSourceSinks, recordSourceEvent } from '@shardline/db';
import type { Logger } from 'pino';
import { ensurePublicationAndSlot } from '../source-checks/ensure-publication-and-slot';
import { ReaderLock } from './reader-lock';
import { SourceReader, type SourceReaderOptions } from './source-reader';

export interface CaptureSupervisorOptions {
  db: Database;
  /** Shardline's own database, where reader locks are held. */
  databaseUrl: string;
  secretBox: SecretBox;
  logger: Logger;
  /** How often to look for sources nobody reads. */
  pollIntervalMs?: number;
  /** Wait before trying a source again after its reader stopped on an error. */
  retryDelayMs?: number;
  reader?: Pick<SourceReaderOptions, 'flushIntervalMs' | 'maxBufferedMessages' | 'routesRefreshMs'>;
}

interface RunningReader {
  reader: SourceReader;
  lock: ReaderLock;
}

/**
 * Makes sure every source with at least one sink is read by exactly one engine: each engine
 * tries, every few seconds, to take the lock of each source nobody reads, and reads the ones it
 * gets. A source with no sink is not read, so no slot holds WAL for it.
 */
export function startCaptureSupervisor(options: CaptureSupervisorOptions): { stop(): Promise<void> } {
  const { db, logger } = options;
  const running = new Map<string, RunningReader>();
  const retryAfter = new Map<string, number>();
  let stopping = false;
  let polling: Promise<void> = Promise.resolve();

  async function poll(): Promise<void> {
    const sources = await db.prisma.source.findMany({ where: { sinks: { some: {} } }, select: { id: true } });
    for (const { id } of sources) {
      if (stopping || running.has(id) || (retryAfter.get(id) ?? 0) > Date.now()) continue;
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
      const tables = [...new Set(sinks.flatMap((sink) => [...sink.tables.keys()]))].map((key) => {
        const [schema = 'public', ...name] = key.split('.');
        return { schema, name: name.join('.') };
      });
      await ensurePublicationAndSlot(clientConfig, {
        publicationName: source.publicationName,
        slotName: source.slotName,
        tables,
        // A sink added later may take a table the publication does not cover yet.
        addMissingTables: true,
      });
      const reader = new SourceReader({
        db,
        sourceId,
        sourceName: source.name,
        clientConfig,
        publicationName: source.publicationName,
        slotName: source.slotName,
        logger,
        ...options.reader,
      });
      running.set(sourceId, { reader, lock });
      void reader.stopped.then(async (error) => {
        running.delete(sourceId);
        await lock.release();
        if (error) await onReaderError(sourceId, error);
      });
      await reader.start();
    } catch (error) {
      if (!running.has(sourceId)) await lock.release();
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

  const timer = setInterval(() => {
    polling = polling
      .then(poll)
      .catch((error: unknown) => logger.error({ err: error }, 'looking for sources to read failed'));
  }, options.pollIntervalMs ?? 2_000);
  polling = poll().catch((error: unknown) =>
    logger.error({ err: error }, 'looking for sources to read failed'),
  );

  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await polling;
      await Promise.all([...running.values()].map(({ reader }) => reader.stop()));
    },
  };
}

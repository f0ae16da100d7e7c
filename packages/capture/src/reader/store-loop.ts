import { NotFoundError } from '@shardline/core';
import { appendPreparedMessages, type Database, isSourceConfigVersion, sinkExists } from '@shardline/db';
import type { EngineMetrics } from '@shardline/metrics';
import type { Logger } from 'pino';
import { ChangeBuffer } from './change-buffer';
import type { ChangeRouter, RoutedChange, SinkBatch } from './change-router';

export interface StoreLoopOptions {
  db: Database;
  sourceId: string;
  sourceName: string;
  router: ChangeRouter;
  metrics: EngineMetrics;
  logger: Logger;
  /** Called once everything up to `lsn` is stored: the slot may be acknowledged there. */
  onStored(lsn: string): Promise<void>;
  /** A store failed: the reader stops (nothing after the last acknowledged position is lost). */
  onFailure(error: Error): void;
  /** Store what was read at least this often, so a quiet source is not waiting on a full batch. */
  flushIntervalMs: number;
  /** Store as soon as this many changes are waiting. */
  maxBufferedChanges: number;
}

// 23503 foreign_key_violation: the sink was deleted between the routes' refresh and the insert.
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Buffers changes read from the slot and stores them: small transactions are grouped into one
 * write (every `flushIntervalMs`, or at once when `maxBufferedChanges` wait). One store runs at
 * a time and takes everything buffered when it starts, so while Postgres is busy the next write
 * grows instead of queueing many small ones. Each store stores each sink's messages (on the
 * condition that the source's configuration did not move since they were built), then reports
 * the position that may be acknowledged.
 */
export class StoreLoop {
  readonly #buffer = new ChangeBuffer();
  #storing: Promise<void> = Promise.resolve();
  #running = false;
  #roomWaiters: Array<() => void> = [];
  #flushTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(private readonly options: StoreLoopOptions) {}

  /** Buffers a change; resolves once there is room for the next (back-pressure on the stream). */
  async add(change: RoutedChange): Promise<void> {
    this.#buffer.add(change);
    if (this.#buffer.size < this.options.maxBufferedChanges) return;
    this.#schedule(true);
    // With a store under way and the next batch full, the stream waits until that store ends
    // and takes the batch. Reading goes on while a batch is being stored.
    if (this.#buffer.size >= this.options.maxBufferedChanges) {
      await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
    }
  }

  /** Every change up to the commit ending at `lsn` was added. */
  completeTransaction(commitEndLsn: string): void {
    this.#buffer.completeTransaction(commitEndLsn);
    this.#schedule(this.#buffer.size >= this.options.maxBufferedChanges);
  }

  /** Nothing buffered and no store under way. */
  isIdle(): boolean {
    return this.#buffer.size === 0 && !this.#running;
  }

  /** Stores what is buffered now and waits for it. */
  async flush(): Promise<void> {
    this.#schedule(true);
    await this.#storing;
  }

  /** Stops storing; a stream waiting for room goes on (and finds the reader stopping). */
  stop(): void {
    this.#stopped = true;
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    this.#releaseRoomWaiters();
  }

  #schedule(now: boolean): void {
    if (this.#running || this.#stopped) return;
    if (!now && this.#buffer.age() < this.options.flushIntervalMs) {
      this.#flushTimer ??= setTimeout(() => {
        this.#flushTimer = null;
        this.#schedule(true);
      }, this.options.flushIntervalMs - this.#buffer.age());
      return;
    }
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    this.#running = true;
    this.#storing = this.#storeWhileBuffered()
      .catch((error: Error) => this.options.onFailure(error))
      .finally(() => {
        this.#running = false;
      });
  }

  async #storeWhileBuffered(): Promise<void> {
    const { router } = this.options;
    while (this.#buffer.hasContent() && !this.#stopped) {
      const batch = this.#buffer.drain();
      this.#releaseRoomWaiters();
      // Each sink's insert holds only while the source's configuration is still the version the
      // messages were built with (checked inside the insert, after the changes were read: see
      // ChangeRouter). When it moved, the snapshots saved since are read and what is not stored
      // yet is built again.
      const stored = new Set<string>();
      for (;;) {
        const pending = (await router.batches(batch.changes)).filter(
          (sinkBatch) => !stored.has(sinkBatch.key),
        );
        // Nothing to insert (changes no sink took, as far as the routes held know): the condition
        // is asked on its own.
        let moved =
          pending.length === 0 &&
          !(await isSourceConfigVersion(this.options.db, {
            sourceId: this.options.sourceId,
            version: router.version,
          }));
        for (const sinkBatch of pending) {
          if (await this.#storeSink(sinkBatch, router.version)) stored.add(sinkBatch.key);
          else {
            moved = true;
            break;
          }
        }
        if (!moved) break;
        await router.refresh();
      }
      if (batch.completeUpTo) await this.options.onStored(batch.completeUpTo);
    }
  }

  /** False when the source's configuration moved on from `configVersion`: nothing was stored. */
  async #storeSink(batch: SinkBatch, configVersion: bigint): Promise<boolean> {
    if (batch.messages.length === 0 && batch.filteredOut === 0) return true;
    try {
      const { stored, configMoved } = await appendPreparedMessages(this.options.db, {
        sinkId: batch.sinkId,
        messages: batch.messages,
        filteredCount: batch.filteredOut,
        onlyIfSourceConfig: { sourceId: this.options.sourceId, version: configVersion },
      });
      if (configMoved) return false;
      if (stored > 0) this.options.metrics.messagesIngested.labels(batch.sinkId).inc(stored);
    } catch (error) {
      if (!(await this.#sinkWasDeleted(error, batch.sinkId))) throw error;
      // Deleted with its messages: these would have gone with it.
      this.options.logger.info(
        {
          sourceId: this.options.sourceId,
          sinkId: batch.sinkId,
          sink: batch.sinkName,
          messages: batch.messages.length,
        },
        'the sink was deleted while its changes were being stored: they are dropped with it',
      );
    }
    return true;
  }

  async #sinkWasDeleted(error: unknown, sinkId: string): Promise<boolean> {
    // The filtered counter's update says NotFoundError when only the counter had to move.
    const code = (error as { code?: string }).code;
    if (code !== FOREIGN_KEY_VIOLATION && !(error instanceof NotFoundError)) return false;
    return !(await sinkExists(this.options.db, { sinkId }));
  }

  #releaseRoomWaiters(): void {
    for (const resolve of this.#roomWaiters.splice(0)) resolve();
  }
}

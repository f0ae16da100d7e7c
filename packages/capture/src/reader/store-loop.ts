import { NotFoundError } from '@shardline/core';
import { appendPreparedMessages, type Database, sinkExists } from '@shardline/db';
import type { EngineMetrics } from '@shardline/metrics';
import type { Logger } from 'pino';
import type { CapturedChange } from './captured-change';
import { ChangeBuffer } from './change-buffer';
import type { ChangeRouter, SinkBatch } from './change-router';

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
 * grows instead of queueing many small ones. Each store makes the routes current first, then
 * stores each sink's messages, then reports the position that may be acknowledged.
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
  async add(change: CapturedChange): Promise<void> {
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
    while (this.#buffer.hasContent() && !this.#stopped) {
      const batch = this.#buffer.drain();
      this.#releaseRoomWaiters();
      // After the changes were read, before anything is stored: see ChangeRouter.
      await this.options.router.refresh();
      for (const sinkBatch of await this.options.router.route(batch.changes))
        await this.#storeSink(sinkBatch);
      if (batch.completeUpTo) await this.options.onStored(batch.completeUpTo);
    }
  }

  async #storeSink(batch: SinkBatch): Promise<void> {
    if (batch.messages.length === 0 && batch.filteredOut === 0) return;
    try {
      const { stored } = await appendPreparedMessages(this.options.db, {
        sinkId: batch.sinkId,
        messages: batch.messages,
        filteredCount: batch.filteredOut,
      });
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

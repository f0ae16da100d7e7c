import {
  type Database,
  listRunningBackfills,
  listSourceSinks,
  type RunningBackfill,
  recordBackfillError,
  type SourceSinkRoute,
} from '@shardline/db';
import type { EngineMetrics } from '@shardline/metrics';
import type { TransformRunner } from '@shardline/transforms/runner';
import type pg from 'pg';
import type { Logger } from 'pino';
import { SinkFilters } from '../filters/sink-filters';
import { asRefusal, isLockContention } from './backfill-refusal';
import { BackfillSource } from './backfill-source';
import { runBackfillPage } from './run-backfill-page';

export interface BackfillRunnerOptions {
  db: Database;
  sourceId: string;
  clientConfig: pg.ClientConfig;
  publicationName: string;
  logger: Logger;
  /** Counts the messages each page stores. */
  metrics: EngineMetrics;
  /** Where the sinks' filters run (worker threads). */
  filters: TransformRunner;
  /** Rows per page. Each page holds its rows' locks on the source until it is stored. */
  pageSize?: number;
  /** How often to look for backfills while none is running. */
  pollIntervalMs?: number;
  /** Wait before trying a backfill again after a page failed for a reason that may pass. */
  retryDelayMs?: number;
  /** How long stop() lets a page finish before ending the source session (which rolls it back). */
  stopGraceMs?: number;
}

/**
 * Runs the backfills of one source's sinks, in the engine that reads the source (its reader
 * lock keeps them to one engine). A page of each running backfill in turn, until none is left;
 * the state is re-read before every page, so pause, resume and cancel apply between pages, and
 * everything lives in Postgres, so a restarted engine carries on from the stored cursor.
 */
export class BackfillRunner {
  readonly #options: Required<
    Pick<BackfillRunnerOptions, 'pageSize' | 'pollIntervalMs' | 'retryDelayMs' | 'stopGraceMs'>
  > &
    BackfillRunnerOptions;
  readonly #retryAfter = new Map<string, number>();
  #source: BackfillSource | null = null;
  readonly #filters: SinkFilters;
  #loop: Promise<void> | null = null;
  #stopping = false;
  #wake: (() => void) | null = null;

  constructor(options: BackfillRunnerOptions) {
    this.#options = {
      pageSize: 1_000,
      pollIntervalMs: 1_000,
      retryDelayMs: 5_000,
      stopGraceMs: 5_000,
      ...options,
    };
    this.#filters = new SinkFilters({
      db: options.db,
      sourceId: options.sourceId,
      logger: options.logger,
      runner: options.filters,
    });
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Lets the page under way finish (for a while), then stops. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    const loop = this.#loop ?? Promise.resolve();
    const timer = setTimeout(() => void this.#closeSource(), this.#options.stopGraceMs);
    await loop;
    clearTimeout(timer);
  }

  async #run(): Promise<void> {
    const { db, sourceId, logger } = this.#options;
    while (!this.#stopping) {
      let progressed = false;
      try {
        const backfills = await listRunningBackfills(db, { sourceId });
        const sinks = backfills.length > 0 ? await listSourceSinks(db, { sourceId }) : [];
        for (const backfill of backfills) {
          if (this.#stopping) break;
          if ((this.#retryAfter.get(backfill.id) ?? 0) > Date.now()) continue;
          const sink = sinks.find((candidate) => candidate.sinkId === backfill.sinkId);
          if (sink && (await this.#runPage(backfill, sink))) progressed = true;
        }
      } catch (error) {
        logger.error({ err: error, sourceId }, 'looking for backfills to run failed');
      }
      if (!progressed) await this.#sleep(this.#options.pollIntervalMs);
    }
    await this.#closeSource();
    this.#filters.dispose();
  }

  /** One page; false when it failed. */
  async #runPage(backfill: RunningBackfill, sink: SourceSinkRoute): Promise<boolean> {
    const { db, logger } = this.#options;
    const current = backfill.tables.find((table) => !table.done);
    const label = current ? `${current.schema}.${current.name}` : 'the backfill';
    try {
      this.#source ??= await BackfillSource.connect(this.#options.clientConfig);
      const outcome = await runBackfillPage(
        {
          db,
          source: this.#source,
          publicationName: this.#options.publicationName,
          pageSize: this.#options.pageSize,
          filters: this.#filters,
        },
        backfill,
        sink,
      );
      if (outcome.messages > 0)
        this.#options.metrics.messagesIngested.labels(backfill.sinkId).inc(outcome.messages);
      if (outcome.stored && outcome.finished)
        logger.info({ backfillId: backfill.id, sinkId: sink.sinkId }, 'backfill done');
      return true;
    } catch (error) {
      const refusal = asRefusal(error, label);
      const contended = isLockContention(error);
      // A page that gave way to a writer is simply read again on the next round.
      if (!refusal && !contended) {
        // The session may be what broke: the next try starts a new one.
        await this.#closeSource();
        this.#retryAfter.set(backfill.id, Date.now() + this.#options.retryDelayMs);
      }
      const message =
        refusal?.message ?? `reading ${label} failed, trying again shortly: ${(error as Error).message}`;
      logger[refusal ? 'warn' : contended ? 'debug' : 'error'](
        { err: error, backfillId: backfill.id, sinkId: backfill.sinkId },
        message,
      );
      await recordBackfillError(db, { backfillId: backfill.id, message, fail: refusal !== null }).catch(
        (writeError: unknown) =>
          logger.error(
            { err: writeError, backfillId: backfill.id, sinkId: backfill.sinkId },
            'could not record the backfill error',
          ),
      );
      return false;
    }
  }

  async #closeSource(): Promise<void> {
    const source = this.#source;
    this.#source = null;
    await source?.close();
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }
}

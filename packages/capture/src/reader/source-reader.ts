import { type Database, recordReaderProgress, recordSourceEvent } from '@shardline/db';
import type { EngineMetrics } from '@shardline/metrics';
import type { TransformRunner } from '@shardline/transforms/runner';
import pg from 'pg';
import type { Pgoutput } from 'pg-logical-replication';
import type { Logger } from 'pino';
import { sessionOptionsString } from '../values/session-settings';
import { TypeCatalog } from '../values/type-catalog';
import type { ChangePosition } from './build-message';
import type { CapturedChange, RawValues } from './captured-change';
import { ChangeRouter, SourceGoneError } from './change-router';
import { formatCommitTimestamp } from './commit-timestamp';
import { parseLsn } from './lsn';
import { readerApplicationName } from './reader-application-name';
import { RelationRegistry } from './relation-registry';
import { ReplicationSession } from './replication-session';
import { StoreLoop } from './store-loop';

export interface SourceReaderOptions {
  db: Database;
  sourceId: string;
  sourceName: string;
  clientConfig: pg.ClientConfig;
  publicationName: string;
  slotName: string;
  logger: Logger;
  /** Counts stored messages; reports this source's replication lag while this reader runs. */
  metrics: EngineMetrics;
  /** Where the sinks' filters run (worker threads). */
  filters: TransformRunner;
  /** Store what was read at least this often, so a quiet source is not waiting on a full batch. */
  flushIntervalMs?: number;
  /** Store as soon as this many changes are waiting. */
  maxBufferedChanges?: number;
}

interface OpenTransaction {
  commitLsn: bigint;
  commitTimestamp: string;
  nextIdx: number;
}

const SHUTDOWN_TIMEOUT_MS = 5_000;
const CAUGHT_UP_NOTE_INTERVAL_MS = 5_000;

/**
 * Reads one source's replication slot and stores every change as messages of the sinks that
 * take it: a replication session streams, a store loop buffers and stores, and a change router
 * decides at each store which sinks take what, by the configuration current then. The slot's
 * position is acknowledged only after everything up to it is committed in the store: a crash
 * never loses a change (it is read again, and stored once), and a sink that cannot deliver
 * never makes the source keep WAL.
 */
export class SourceReader {
  readonly #options: SourceReaderOptions;
  readonly #catalogClient: pg.Client;
  readonly #relations: RelationRegistry;
  #session: ReplicationSession | null = null;
  #router: ChangeRouter | null = null;
  #store: StoreLoop | null = null;
  #transaction: OpenTransaction | null = null;
  /** The server's WAL position at its last keepalive. */
  #serverWalEnd: string | null = null;
  /** Commit time (Unix milliseconds) of the latest transaction taken from the slot. */
  #lastReadCommitMs: number | null = null;
  #failed = false;
  /** When reader_seen_at was last written. */
  #progressNotedAt = 0;
  #finish!: (error: Error | null) => void;
  /** Settles when the reader stops: with the error that stopped it, or null after stop(). */
  readonly stopped: Promise<Error | null>;

  constructor(options: SourceReaderOptions) {
    this.#options = options;
    this.stopped = new Promise((resolve) => {
      this.#finish = resolve;
    });
    this.#catalogClient = new pg.Client({
      ...options.clientConfig,
      options: sessionOptionsString(),
      application_name: readerApplicationName(options.sourceId),
    });
    this.#relations = new RelationRegistry(
      this.#catalogClient,
      new TypeCatalog((sql, params) => this.#catalogClient.query(sql, params)),
    );
  }

  /** Connects and starts streaming; resolves once the server streams, rejects if it cannot. */
  async start(): Promise<void> {
    const { db, sourceId, sourceName, logger, slotName } = this.#options;
    this.#catalogClient.on('error', (error) => this.#fail(error));
    await this.#catalogClient.connect();
    const database = await this.#catalogClient.query<{ name: string }>('SELECT current_database() AS name');
    const router = new ChangeRouter({
      db,
      sourceId,
      sourceName,
      logger,
      filters: this.#options.filters,
      types: this.#relations.types,
      databaseName: database.rows[0]?.name ?? '',
    });
    this.#router = router;
    await router.refresh();
    this.#store = new StoreLoop({
      db,
      sourceId,
      sourceName,
      router,
      metrics: this.#options.metrics,
      logger,
      flushIntervalMs: this.#options.flushIntervalMs ?? 10,
      maxBufferedChanges: this.#options.maxBufferedChanges ?? 5_000,
      onStored: (lsn) => this.#onStored(lsn),
      onFailure: (error) => this.#fail(error),
    });
    // Status messages must never report less than the slot has confirmed already.
    const slot = await this.#catalogClient.query<{ confirmed: string | null }>(
      'SELECT confirmed_flush_lsn::text AS confirmed FROM pg_replication_slots WHERE slot_name = $1',
      [slotName],
    );
    this.#session = new ReplicationSession({
      clientConfig: this.#options.clientConfig,
      applicationName: readerApplicationName(this.#options.sourceId),
      slotName,
      publicationName: this.#options.publicationName,
      confirmedLsn: slot.rows[0]?.confirmed ?? null,
      handlers: {
        onMessage: (message) => this.#onMessage(message),
        onKeepalive: (lsn, shouldRespond) => this.#onKeepalive(lsn, shouldRespond),
        onError: (error) => this.#fail(error),
      },
    });
    await this.#session.start(this.stopped);
    logger.info({ sourceId, source: sourceName, slot: slotName }, 'reading changes');
  }

  /** Stores what is buffered and stops reading. */
  async stop(): Promise<void> {
    if (!this.#failed) await this.#store?.flush();
    await this.#shutdown(null);
  }

  async #onMessage(message: Pgoutput.Message): Promise<void> {
    if (this.#failed) return;
    try {
      switch (message.tag) {
        case 'relation':
          await this.#relations.learn(message);
          return;
        case 'begin':
          this.#lastReadCommitMs = Number((message.commitTime as bigint) / 1000n);
          this.#transaction = {
            commitLsn: parseLsn(message.commitLsn ?? '0/0'),
            commitTimestamp: formatCommitTimestamp(message.commitTime as bigint),
            nextIdx: 0,
          };
          return;
        case 'insert':
          return await this.#onChange('insert', message.relation.relationOid, message.new, null);
        case 'update':
          return await this.#onChange(
            'update',
            message.relation.relationOid,
            message.new,
            message.old ?? message.key,
          );
        case 'delete':
          return await this.#onChange(
            'delete',
            message.relation.relationOid,
            null,
            message.old ?? message.key,
          );
        case 'commit':
          // Which transactions arrived, and how many changes each held: what to compare with the
          // slot's position when a change seems missing.
          this.#options.logger.debug(
            {
              source: this.#options.sourceName,
              commitEndLsn: message.commitEndLsn,
              changes: this.#transaction?.nextIdx,
            },
            'transaction read',
          );
          this.#transaction = null;
          this.#store?.completeTransaction(message.commitEndLsn ?? '0/0');
          return;
        case 'truncate':
          return await this.#onTruncate(message);
        default:
          return;
      }
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  async #onChange(
    action: CapturedChange['action'],
    relationOid: number,
    newValues: RawValues | null,
    oldValues: RawValues | null,
  ): Promise<void> {
    const transaction = this.#transaction;
    if (!transaction) throw new Error('the replication stream sent a change outside a transaction');
    const position: ChangePosition = {
      commitLsn: transaction.commitLsn,
      commitIdx: transaction.nextIdx++,
      commitTimestamp: transaction.commitTimestamp,
    };
    const router = this.#router;
    if (!router) throw new Error('the reader received a change before it started');
    // Built now, while the previous batch is being stored (checked again when this one is).
    const change = { action, relation: this.#relations.get(relationOid), newValues, oldValues, position };
    await this.#store?.add(router.build(change));
  }

  async #onTruncate(message: Pgoutput.MessageTruncate): Promise<void> {
    const tables = message.relations.map((relation) => `${relation.schema}.${relation.name}`).join(', ');
    await recordSourceEvent(this.#options.db, {
      sourceId: this.#options.sourceId,
      level: 'warning',
      message: `TRUNCATE of ${tables} was not sent to any sink: a truncate removes rows without a change per row, so there is no message to send`,
    });
    this.#options.logger.warn(
      { sourceId: this.#options.sourceId, source: this.#options.sourceName, tables },
      'truncate ignored',
    );
  }

  async #onStored(lsn: string): Promise<void> {
    const session = this.#session;
    if (!session || this.#failed) throw new Error('the reader has stopped; nothing more is acknowledged');
    await session.acknowledge(lsn);
    const confirmedLsn = parseLsn(session.acknowledged ?? lsn);
    await recordReaderProgress(this.#options.db, { sourceId: this.#options.sourceId, confirmedLsn });
    await this.#router?.forgetBefore(confirmedLsn);
    this.#progressNotedAt = Date.now();
    this.#reportLag();
  }

  #onKeepalive(lsn: string, shouldRespond: boolean): void {
    const session = this.#session;
    if (!session || this.#failed) return;
    this.#serverWalEnd = lsn;
    const idle = this.#isIdle();
    if (idle) {
      // Caught up and holding nothing: everything the server sent up to `lsn` is stored (or was
      // no change of ours), so the slot may move there even while our tables are quiet.
      if (lsn !== session.acknowledged) {
        this.#options.logger.debug(
          { sourceId: this.#options.sourceId, source: this.#options.sourceName, lsn },
          'idle: acknowledging the server position',
        );
      }
      void session.acknowledge(lsn).catch((error: Error) => this.#fail(error));
      this.#noteCaughtUp();
    } else if (shouldRespond) {
      void session.sendStatus().catch((error: Error) => this.#fail(error));
    }
    this.#reportLag();
  }

  /**
   * Caught up with the server: says so in the source row (at most every few seconds), so that a
   * source whose tables are quiet never looks stalled to the alert evaluator (docs/alerts.md).
   */
  #noteCaughtUp(): void {
    const acknowledged = this.#session?.acknowledged;
    if (!acknowledged || Date.now() - this.#progressNotedAt < CAUGHT_UP_NOTE_INTERVAL_MS) return;
    this.#progressNotedAt = Date.now();
    recordReaderProgress(this.#options.db, {
      sourceId: this.#options.sourceId,
      confirmedLsn: parseLsn(acknowledged),
      caughtUp: true,
    }).catch((error: unknown) =>
      // Only the console's view and the stall alert lag behind; the next heartbeat tries again.
      this.#options.logger.warn(
        { err: error, sourceId: this.#options.sourceId, source: this.#options.sourceName },
        'could not record that the reader is caught up',
      ),
    );
  }

  /**
   * Bytes: the server's WAL position (its last keepalive, asked for every second) minus what is
   * stored and acknowledged. Seconds: how old the commit of the latest transaction taken from
   * the slot is, while anything read is not stored yet; caught up, 0. A reader far behind takes
   * old transactions, so both grow; a quiet source reads as 0, not as the time since its last change.
   */
  #reportLag(): void {
    if (this.#failed) return;
    const { metrics, sourceId } = this.#options;
    const acknowledged = this.#session?.acknowledged;
    if (this.#serverWalEnd && acknowledged) {
      const behind = parseLsn(this.#serverWalEnd) - parseLsn(acknowledged);
      metrics.replicationLagBytes.labels(sourceId).set(behind > 0n ? Number(behind) : 0);
    }
    const seconds =
      this.#isIdle() || this.#lastReadCommitMs === null
        ? 0
        : Math.max(0, (Date.now() - this.#lastReadCommitMs) / 1000);
    metrics.replicationLagSeconds.labels(sourceId).set(seconds);
  }

  /** No transaction open, nothing buffered or being stored, nothing received and unhandled. */
  #isIdle(): boolean {
    return (
      this.#transaction === null &&
      (this.#store?.isIdle() ?? true) &&
      !(this.#session?.hasUnhandledMessages() ?? false)
    );
  }

  #fail(error: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    if (error instanceof SourceGoneError) {
      this.#options.logger.info(
        { sourceId: this.#options.sourceId, source: this.#options.sourceName },
        'the source was deleted: reading stopped',
      );
      void this.#shutdown(null);
      return;
    }
    this.#options.logger.error(
      { err: error, sourceId: this.#options.sourceId, source: this.#options.sourceName },
      'reading changes stopped',
    );
    void this.#shutdown(error);
  }

  async #shutdown(error: Error | null): Promise<void> {
    this.#failed = true;
    this.#store?.stop();
    // The engine that reads the source next reports its lag; this one stops saying anything.
    this.#options.metrics.replicationLagBytes.remove(this.#options.sourceId);
    this.#options.metrics.replicationLagSeconds.remove(this.#options.sourceId);
    // A connection that will not close must not keep the reader (and its lock) from ending:
    // the supervisor starts a new one once this one has finished.
    await withinMs(SHUTDOWN_TIMEOUT_MS, this.#session?.close());
    await withinMs(SHUTDOWN_TIMEOUT_MS, this.#catalogClient.end());
    this.#router?.dispose();
    this.#finish(error);
  }
}

/** Waits for `work` (ignoring its failure) at most `ms`. */
async function withinMs(ms: number, work: Promise<unknown> | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.resolve(work).catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

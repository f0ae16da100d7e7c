import {
  appendPreparedMessages,
  type Database,
  listSourceSinks,
  prepareMessage,
  recordSourceEvent,
  type SourceSinkRoute,
  tableKey,
} from '@shardline/db';
import type { EngineMetrics } from '@shardline/metrics';
import pg from 'pg';
import { LogicalReplicationService, type Pgoutput } from 'pg-logical-replication';
import type { Logger } from 'pino';
import { SinkFilters } from '../filters/sink-filters';
import { decodeRow } from '../values/decode-row';
import { sessionOptionsString } from '../values/session-settings';
import { TypeCatalog } from '../values/type-catalog';
import { buildMessage, type RowChange } from './build-message';
import { formatCommitTimestamp } from './commit-timestamp';
import { parseLsn } from './lsn';
import { MessageBuffer } from './message-buffer';
import { RawTextPgoutputPlugin } from './raw-text-pgoutput-plugin';
import { RelationRegistry } from './relation-registry';

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
  /** Store what was read at least this often, so a quiet source is not waiting on a full batch. */
  flushIntervalMs?: number;
  /** Store as soon as this many messages are waiting. */
  maxBufferedMessages?: number;
  /** How often the sinks' table choices are read again. */
  routesRefreshMs?: number;
}

interface OpenTransaction {
  commitLsn: bigint;
  commitTimestamp: string;
  nextIdx: number;
}

/**
 * Reads one source's replication slot and stores every change as messages of the sinks that
 * take it. The slot's position is acknowledged only after everything up to it is committed in
 * the store: a crash never loses a change (it is read again, and stored once), and a sink that
 * cannot deliver never makes the source keep WAL.
 */
export class SourceReader {
  readonly #options: Required<
    Pick<SourceReaderOptions, 'flushIntervalMs' | 'maxBufferedMessages' | 'routesRefreshMs'>
  > &
    SourceReaderOptions;
  readonly #buffer = new MessageBuffer();
  readonly #catalogClient: pg.Client;
  readonly #relations: RelationRegistry;
  readonly #filters: SinkFilters;
  #service: LogicalReplicationService | null = null;
  #transaction: OpenTransaction | null = null;
  #routes: SourceSinkRoute[] = [];
  #routesLoadedAt = 0;
  #databaseName = '';
  #acknowledged: string | null = null;
  /** The server's WAL position at its last keepalive. */
  #serverWalEnd: string | null = null;
  /** Commit time (Unix milliseconds) of the latest transaction taken from the slot. */
  #lastReadCommitMs: number | null = null;
  #storing: Promise<void> = Promise.resolve();
  #storeRunning = false;
  #roomWaiters: Array<() => void> = [];
  #flushTimer: NodeJS.Timeout | null = null;
  #statusTimer: NodeJS.Timeout | null = null;
  #failed = false;
  /** When reader_seen_at was last written. */
  #progressNotedAt = 0;
  #finish!: (error: Error | null) => void;
  /** Settles when the reader stops: with the error that stopped it, or null after stop(). */
  readonly stopped: Promise<Error | null>;

  constructor(options: SourceReaderOptions) {
    this.#options = { flushIntervalMs: 10, maxBufferedMessages: 5_000, routesRefreshMs: 2_000, ...options };
    this.stopped = new Promise((resolve) => {
      this.#finish = resolve;
    });
    const sessionConfig = {
      ...options.clientConfig,
      options: sessionOptionsString(),
      application_name: 'shardline-reader',
    };
    this.#catalogClient = new pg.Client(sessionConfig);
    this.#filters = new SinkFilters({ db: options.db, sourceId: options.sourceId, logger: options.logger });
    this.#relations = new RelationRegistry(
      this.#catalogClient,
      new TypeCatalog((sql, params) => this.#catalogClient.query(sql, params)),
    );
  }

  /** Connects and starts streaming; resolves once the server streams, rejects if it cannot. */
  async start(): Promise<void> {
    const { clientConfig, publicationName, slotName } = this.#options;
    this.#catalogClient.on('error', (error) => this.#fail(error));
    await this.#catalogClient.connect();
    const database = await this.#catalogClient.query<{ name: string }>('SELECT current_database() AS name');
    this.#databaseName = database.rows[0]?.name ?? '';
    await this.#loadRoutes();
    // Status messages must never report less than the slot has confirmed already.
    const slot = await this.#catalogClient.query<{ confirmed: string | null }>(
      'SELECT confirmed_flush_lsn::text AS confirmed FROM pg_replication_slots WHERE slot_name = $1',
      [slotName],
    );
    this.#acknowledged = slot.rows[0]?.confirmed ?? null;

    const service = new LogicalReplicationService(
      { ...clientConfig, options: sessionOptionsString(), application_name: 'shardline-reader' },
      // Acknowledgements are Shardline's alone: the library's automatic ones would confirm
      // positions that are not stored yet.
      { acknowledge: { auto: false, timeoutSeconds: 0 }, flowControl: { enabled: true } },
    );
    this.#service = service;
    service.on('data', (_lsn: string, message: Pgoutput.Message) => this.#onMessage(message));
    service.on('error', (error: Error) => this.#fail(error));
    service.on('heartbeat', (lsn: string, _time: number, shouldRespond: boolean) => {
      this.#serverWalEnd = lsn;
      // Caught up and holding nothing: everything the server sent up to `lsn` is stored (or
      // was no change of ours), so the slot may move there even while our tables are quiet.
      if (this.#isIdle() && lsn !== this.#acknowledged) {
        this.#options.logger.debug(
          { sourceId: this.#options.sourceId, source: this.#options.sourceName, lsn },
          'idle: acknowledging the server position',
        );
        this.#acknowledged = maxLsn(this.#acknowledged, lsn);
      }
      if (this.#isIdle()) this.#noteCaughtUp();
      if (shouldRespond || this.#isIdle()) void this.#sendStatus();
      this.#reportLag();
    });
    const started = new Promise<void>((resolve, reject) => {
      service.once('start', () => resolve());
      void this.stopped.then((error) => reject(error ?? new Error('the reader stopped before streaming')));
    });
    service
      .subscribe(new RawTextPgoutputPlugin({ publicationNames: [publicationName] }), slotName)
      .catch((error: Error) => this.#fail(error));
    await started;
    // Asks the server where it is once a second (it answers with a keepalive, see above), which
    // also keeps the connection inside wal_sender_timeout.
    this.#statusTimer = setInterval(() => void this.#sendStatus(true), 1_000);
    this.#options.logger.info(
      { sourceId: this.#options.sourceId, source: this.#options.sourceName, slot: slotName },
      'reading changes',
    );
  }

  /** Stores what is buffered and stops reading. */
  async stop(): Promise<void> {
    if (!this.#failed) {
      this.#scheduleStore(true);
      await this.#storing.catch(() => undefined);
    }
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
          return this.#onChange({
            action: 'insert',
            relationOid: message.relation.relationOid,
            newValues: message.new,
            oldValues: null,
          });
        case 'update':
          return this.#onChange({
            action: 'update',
            relationOid: message.relation.relationOid,
            newValues: message.new,
            oldValues: message.old ?? message.key,
          });
        case 'delete':
          return this.#onChange({
            action: 'delete',
            relationOid: message.relation.relationOid,
            newValues: null,
            oldValues: message.old ?? message.key,
          });
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
          this.#buffer.completeTransaction(message.commitEndLsn ?? '0/0');
          this.#scheduleStore(this.#buffer.size >= this.#options.maxBufferedMessages);
          return;
        case 'truncate': {
          const tables = message.relations
            .map((relation) => `${relation.schema}.${relation.name}`)
            .join(', ');
          await recordSourceEvent(this.#options.db, {
            sourceId: this.#options.sourceId,
            level: 'warning',
            message: `TRUNCATE of ${tables} was not sent to any sink: a truncate removes rows without a change per row, so there is no message to send`,
          });
          this.#options.logger.warn(
            { sourceId: this.#options.sourceId, source: this.#options.sourceName, tables },
            'truncate ignored',
          );
          return;
        }
        default:
          return;
      }
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  async #onChange(change: {
    action: RowChange['action'];
    relationOid: number;
    newValues: Record<string, string | null | undefined> | null;
    oldValues: Record<string, string | null | undefined> | null;
  }): Promise<void> {
    const transaction = this.#transaction;
    if (!transaction) throw new Error('the replication stream sent a change outside a transaction');
    const commitIdx = transaction.nextIdx++;
    const relation = this.#relations.get(change.relationOid);
    const key = tableKey(relation.schema, relation.name);
    if (Date.now() - this.#routesLoadedAt > this.#options.routesRefreshMs) await this.#loadRoutes();

    const targets = this.#routes.flatMap((sink) => {
      const table = sink.tables.get(key);
      return table?.actions.has(change.action) ? [{ sink, table }] : [];
    });
    if (targets.length === 0) {
      this.#options.logger.debug(
        { source: this.#options.sourceName, table: key, action: change.action },
        'change taken by no sink',
      );
      return;
    }
    const rowChange: RowChange = {
      action: change.action,
      relation,
      newRow: change.newValues
        ? decodeRow(relation.columns, change.newValues, this.#relations.types).values
        : null,
      // Without REPLICA IDENTITY FULL the old row is only the key: decode the columns it has.
      oldRow: change.oldValues
        ? decodeRow(
            relation.columns.filter((column) => Object.hasOwn(change.oldValues ?? {}, column.name)),
            change.oldValues,
            this.#relations.types,
          ).values
        : null,
    };
    const position = {
      commitLsn: transaction.commitLsn,
      commitIdx,
      commitTimestamp: transaction.commitTimestamp,
    };
    for (const target of targets) {
      const message = buildMessage(rowChange, position, {
        databaseName: this.#databaseName,
        sink: target.sink,
        table: target.table,
      });
      this.#buffer.add(target.sink.sinkId, prepareMessage(message, target.sink.laneCount));
    }
    if (this.#buffer.size >= this.#options.maxBufferedMessages) {
      this.#scheduleStore(true);
      // Back-pressure: with a store under way and the next batch full, the stream waits until
      // that store ends and takes the batch. Reading goes on while a batch is being stored.
      if (this.#buffer.size >= this.#options.maxBufferedMessages) {
        await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
      }
    }
  }

  /** Lets a stream waiting on a full buffer go on (the buffer was drained, or the reader stops). */
  #releaseRoomWaiters(): void {
    for (const resolve of this.#roomWaiters.splice(0)) resolve();
  }

  /**
   * Stores the buffer now, or soon: small transactions are grouped into one write. One store
   * runs at a time and takes everything buffered when it starts, so while Postgres is busy the
   * next write simply grows instead of queueing many small ones.
   */
  #scheduleStore(now: boolean): void {
    if (this.#storeRunning) return;
    if (!now && this.#buffer.age() < this.#options.flushIntervalMs) {
      this.#flushTimer ??= setTimeout(() => {
        this.#flushTimer = null;
        this.#scheduleStore(true);
      }, this.#options.flushIntervalMs - this.#buffer.age());
      return;
    }
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    this.#storeRunning = true;
    this.#storing = this.#storeWhileBuffered().finally(() => {
      this.#storeRunning = false;
    });
    this.#storing.catch((error: Error) => this.#fail(error));
  }

  async #storeWhileBuffered(): Promise<void> {
    while (this.#buffer.hasContent()) {
      const drained = this.#buffer.drain();
      this.#releaseRoomWaiters();
      await this.#store(drained);
    }
  }

  async #store(drained: ReturnType<MessageBuffer['drain']>): Promise<void> {
    if (this.#failed) throw new Error('the reader has failed; nothing more is stored');
    for (const [sinkId, messages] of drained.bySink) {
      const route = this.#routes.find((candidate) => candidate.sinkId === sinkId);
      const { kept, filteredOut } = await this.#filters.apply(
        { sinkId, sinkName: route?.sinkName ?? sinkId, filterSource: route?.filterSource ?? null },
        messages,
      );
      if (kept.length > 0 || filteredOut > 0) {
        const { stored } = await appendPreparedMessages(this.#options.db, {
          sinkId,
          messages: kept,
          filteredCount: filteredOut,
        });
        if (stored > 0) this.#options.metrics.messagesIngested.labels(sinkId).inc(stored);
      }
    }
    if (drained.completeUpTo) {
      this.#acknowledged = maxLsn(this.#acknowledged, drained.completeUpTo);
      await this.#sendStatus();
      await this.#options.db.pool.query(
        'UPDATE source SET confirmed_lsn = $2, reader_seen_at = now() WHERE id = $1',
        [this.#options.sourceId, parseLsn(this.#acknowledged).toString()],
      );
      this.#progressNotedAt = Date.now();
      this.#reportLag();
    }
  }

  /**
   * Caught up with the server: says so in the source row (at most every few seconds), so that a
   * source whose tables are quiet never looks stalled to the alert evaluator (docs/alerts.md).
   */
  #noteCaughtUp(): void {
    const acknowledged = this.#acknowledged;
    if (!acknowledged || Date.now() - this.#progressNotedAt < CAUGHT_UP_NOTE_INTERVAL_MS) return;
    this.#progressNotedAt = Date.now();
    this.#options.db.pool
      .query(
        'UPDATE source SET confirmed_lsn = greatest(confirmed_lsn, $2::int8), reader_seen_at = now() WHERE id = $1',
        [this.#options.sourceId, parseLsn(acknowledged).toString()],
      )
      .catch((error: unknown) =>
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
    if (this.#serverWalEnd && this.#acknowledged) {
      const behind = parseLsn(this.#serverWalEnd) - parseLsn(this.#acknowledged);
      metrics.replicationLagBytes.labels(sourceId).set(behind > 0n ? Number(behind) : 0);
    }
    const seconds =
      this.#isIdle() || this.#lastReadCommitMs === null
        ? 0
        : Math.max(0, (Date.now() - this.#lastReadCommitMs) / 1000);
    metrics.replicationLagSeconds.labels(sourceId).set(seconds);
  }

  /** Tells the server how far everything is stored (never further), which lets it free WAL. */
  async #sendStatus(askForReply = false): Promise<void> {
    if (this.#acknowledged && this.#service && !this.#failed) {
      await this.#service.acknowledge(this.#acknowledged, askForReply);
    }
  }

  /** No transaction open, nothing buffered or being stored, nothing received and unhandled. */
  #isIdle(): boolean {
    // The library keeps received messages in a queue while the handler runs (pinned version).
    const library = this.#service as unknown as { _messageQueue?: unknown[]; _processing?: boolean } | null;
    return (
      this.#transaction === null &&
      this.#buffer.size === 0 &&
      !this.#storeRunning &&
      (library?._messageQueue?.length ?? 0) === 0 &&
      library?._processing !== true
    );
  }

  async #loadRoutes(): Promise<void> {
    this.#routes = await listSourceSinks(this.#options.db, { sourceId: this.#options.sourceId });
    this.#routesLoadedAt = Date.now();
  }

  #fail(error: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#options.logger.error(
      { err: error, sourceId: this.#options.sourceId, source: this.#options.sourceName },
      'reading changes stopped',
    );
    void this.#shutdown(error);
  }

  async #shutdown(error: Error | null): Promise<void> {
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    if (this.#statusTimer) clearInterval(this.#statusTimer);
    this.#failed = true;
    // The engine that reads the source next reports its lag; this one stops saying anything.
    this.#options.metrics.replicationLagBytes.remove(this.#options.sourceId);
    this.#options.metrics.replicationLagSeconds.remove(this.#options.sourceId);
    this.#releaseRoomWaiters();
    // A connection that will not close must not keep the reader (and its lock) from ending:
    // the supervisor starts a new one once this one has finished.
    await withinMs(SHUTDOWN_TIMEOUT_MS, this.#service?.destroy());
    await withinMs(SHUTDOWN_TIMEOUT_MS, this.#catalogClient.end());
    this.#filters.dispose();
    this.#finish(error);
  }
}

function maxLsn(current: string | null, candidate: string): string {
  return current === null || parseLsn(candidate) > parseLsn(current) ? candidate : current;
}

const SHUTDOWN_TIMEOUT_MS = 5_000;
const CAUGHT_UP_NOTE_INTERVAL_MS = 5_000;

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

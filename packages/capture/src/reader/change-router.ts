import {
  type Database,
  listSourceConfigs,
  type PreparedMessage,
  prepareMessage,
  pruneSourceConfigs,
  type SourceConfig,
  type SourceSinkRoute,
  tableKey,
} from '@shardline/db';
import type { TransformRunner } from '@shardline/transforms/runner';
import type { Logger } from 'pino';
import { SinkFilters } from '../filters/sink-filters';
import { decodeRow } from '../values/decode-row';
import type { TypeCatalog } from '../values/type-catalog';
import { buildMessage, type RowChange } from './build-message';
import type { CapturedChange } from './captured-change';

/** One sink's share of a batch of changes, ready to store. */
export interface SinkBatch {
  /** The sink and the filter its messages passed: a sink whose filter changed has one batch per filter. */
  key: string;
  sinkId: string;
  sinkName: string;
  laneCount: number;
  /** The messages its filter kept. */
  messages: PreparedMessage[];
  /** Messages its filter dropped: counted on the sink, never stored. */
  filteredOut: number;
}

/**
 * A change with its messages, built when it was read by the configuration the router held then,
 * so that the work of decoding overlaps the store of the batch before. `generation` says which:
 * if the configurations changed before it is stored, it is built again.
 */
export interface RoutedChange {
  change: CapturedChange;
  generation: number;
  messages: Array<{ sink: SourceSinkRoute; message: PreparedMessage }>;
}

/** The source was deleted while its reader ran: there is nothing left to store changes for. */
export class SourceGoneError extends Error {}

/**
 * Turns captured changes into each sink's messages, each change by the configuration in force
 * where it was committed. Every change of a source's sinks is kept as a numbered snapshot with
 * the source's WAL position from which it applies (read before the request that saved it
 * returned): a change committed after that request returned follows its configuration, one
 * committed before follows the one before, however late the reader stores it. Messages are
 * built as changes are read (build), so decoding overlaps the store of the previous batch. Each
 * insert holds only while the source's configuration is still `version` (the store loop passes
 * it to the insert, which checks it itself); when it moved, `refresh()` reads the snapshots saved
 * since and `batches()` builds again what was built with older ones. Any snapshot saved before a
 * change was committed is in the database by the time the change is read from the slot, and so
 * by the time it is inserted: the routes are never older than a change (docs/decisions.md,
 * "Configuration changes").
 */
export class ChangeRouter {
  readonly #filters: SinkFilters;
  /** Oldest first; the first is the one in force at the slot's acknowledged position. */
  #configs: SourceConfig[] = [];
  #knownVersion = 0n;
  /** Moves whenever the snapshots held change: messages built before are built again. */
  #generation = 0;

  constructor(
    private readonly options: {
      db: Database;
      sourceId: string;
      sourceName: string;
      logger: Logger;
      filters: TransformRunner;
      types: TypeCatalog;
      databaseName: string;
    },
  ) {
    this.#filters = new SinkFilters({
      db: options.db,
      sourceId: options.sourceId,
      logger: options.logger,
      runner: options.filters,
    });
  }

  /** The newest snapshot held: what the messages built now are built with. */
  get version(): bigint {
    return this.#knownVersion;
  }

  /** Picks up the snapshots saved since the last refresh; throws SourceGoneError when the source was deleted. */
  async refresh(): Promise<void> {
    const { db, sourceId } = this.options;
    const fresh = await listSourceConfigs(db, { sourceId, afterVersion: this.#knownVersion });
    if (fresh === null) throw new SourceGoneError(`source ${sourceId} was deleted`);
    if (fresh.length === 0) return;
    this.#configs = [...this.#configs, ...fresh];
    this.#generation += 1;
    const newest = this.#configs.at(-1);
    if (newest && newest.version > this.#knownVersion) {
      this.#knownVersion = newest.version;
      this.options.logger.info(
        {
          sourceId,
          source: this.options.sourceName,
          configVersion: newest.version.toString(),
          appliesFromLsn: newest.effectiveLsn?.toString() ?? 'now',
          sinks: newest.sinks.map((sink) => sink.sinkName),
        },
        'the sinks of the source changed: changes committed from then on follow the new configuration',
      );
    }
  }

  /**
   * Everything up to `lsn` is stored: forgets the snapshots no later change can follow, here and
   * in the database.
   */
  async forgetBefore(lsn: bigint): Promise<void> {
    const inForce = this.#configs.findLastIndex(
      (config) => config.effectiveLsn !== null && config.effectiveLsn <= lsn,
    );
    if (inForce <= 0) return;
    this.#configs = this.#configs.slice(inForce);
    await pruneSourceConfigs(this.options.db, { sourceId: this.options.sourceId, acknowledgedLsn: lsn });
  }

  /** The change's messages, by the configuration in force at its commit position as held now. */
  build(change: CapturedChange): RoutedChange {
    const key = tableKey(change.relation.schema, change.relation.name);
    const messages: RoutedChange['messages'] = [];
    let rowChange: RowChange | null = null;
    for (const sink of this.#configAt(change.position.commitLsn)?.sinks ?? []) {
      const table = sink.tables.get(key);
      if (!table?.actions.has(change.action)) continue;
      rowChange ??= this.#decode(change);
      const message = buildMessage(rowChange, change.position, {
        databaseName: this.options.databaseName,
        sink,
        table,
      });
      messages.push({ sink, message: prepareMessage(message, sink.laneCount) });
    }
    return { change, generation: this.#generation, messages };
  }

  /**
   * Each sink's messages for `routed` (built again where the configurations changed since),
   * filtered; sinks that take none of them are left out. Call it right after refresh().
   */
  async batches(routed: readonly RoutedChange[]): Promise<SinkBatch[]> {
    // A sink whose filter changed inside the batch has one share per filter text.
    const shares = new Map<string, { sink: SourceSinkRoute; messages: PreparedMessage[] }>();
    let untaken = 0;
    for (const entry of routed) {
      const { messages } = entry.generation === this.#generation ? entry : this.build(entry.change);
      if (messages.length === 0) untaken += 1;
      for (const { sink, message } of messages) {
        const shareKey = `${sink.sinkId}\u0000${sink.filterSource ?? ''}`;
        let share = shares.get(shareKey);
        if (!share) {
          share = { sink, messages: [] };
          shares.set(shareKey, share);
        }
        share.messages.push(message);
      }
    }
    if (untaken > 0) {
      // A table still in the publication after its last sink let it go, or an action no sink takes.
      this.options.logger.debug(
        { source: this.options.sourceName, changes: untaken },
        'changes taken by no sink',
      );
    }
    const batches: SinkBatch[] = [];
    for (const [key, { sink, messages }] of shares) {
      const { kept, filteredOut } = await this.#filters.apply(sink, messages);
      batches.push({
        key,
        sinkId: sink.sinkId,
        sinkName: sink.sinkName,
        laneCount: sink.laneCount,
        messages: kept,
        filteredOut,
      });
    }
    return batches;
  }

  dispose(): void {
    this.#filters.dispose();
  }

  /** The newest snapshot that applies at `commitLsn` (one without a position applies to all). */
  #configAt(commitLsn: bigint): SourceConfig | undefined {
    for (let index = this.#configs.length - 1; index >= 0; index--) {
      const config = this.#configs[index];
      if (config && (config.effectiveLsn === null || config.effectiveLsn <= commitLsn)) return config;
    }
    return undefined;
  }

  #decode(change: CapturedChange): RowChange {
    const { relation } = change;
    const { types } = this.options;
    const oldValues = change.oldValues;
    return {
      action: change.action,
      relation,
      newRow: change.newValues ? decodeRow(relation.columns, change.newValues, types).values : null,
      // Without REPLICA IDENTITY FULL the old row is only the key: decode the columns it has.
      oldRow: oldValues
        ? decodeRow(
            relation.columns.filter((column) => Object.hasOwn(oldValues, column.name)),
            oldValues,
            types,
          ).values
        : null,
    };
  }
}

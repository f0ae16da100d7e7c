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
import type { Logger } from 'pino';
import { SinkFilters } from '../filters/sink-filters';
import { decodeRow } from '../values/decode-row';
import type { TypeCatalog } from '../values/type-catalog';
import { buildMessage, type RowChange } from './build-message';
import type { CapturedChange } from './captured-change';

/** One sink's share of a batch of changes, ready to store. */
export interface SinkBatch {
  sinkId: string;
  sinkName: string;
  laneCount: number;
  /** The messages its filter kept. */
  messages: PreparedMessage[];
  /** Messages its filter dropped: counted on the sink, never stored. */
  filteredOut: number;
}

/** The source was deleted while its reader ran: there is nothing left to store changes for. */
export class SourceGoneError extends Error {}

/**
 * Turns captured changes into each sink's messages, each change by the configuration in force
 * where it was committed. Every change of a source's sinks is kept as a numbered snapshot with
 * the source's WAL position from which it applies (read right after it was saved, before the
 * request that saved it returned): a change committed after that request returned follows its
 * configuration, one committed before follows the one before, however late the reader stores it.
 * `refresh()` runs before every store and picks up the snapshots saved since; any saved before
 * a change was committed is in the database by the time the change is read from the slot, so
 * the routes are never older than a change (docs/decisions.md, "Configuration changes").
 */
export class ChangeRouter {
  readonly #filters: SinkFilters;
  /** Oldest first; the first is the one in force at the slot's acknowledged position. */
  #configs: SourceConfig[] = [];
  #knownVersion = 0n;

  constructor(
    private readonly options: {
      db: Database;
      sourceId: string;
      sourceName: string;
      logger: Logger;
      types: TypeCatalog;
      databaseName: string;
    },
  ) {
    this.#filters = new SinkFilters({ db: options.db, sourceId: options.sourceId, logger: options.logger });
  }

  /** Picks up the snapshots saved since the last refresh; throws SourceGoneError when the source was deleted. */
  async refresh(): Promise<void> {
    const { db, sourceId } = this.options;
    const fresh = await listSourceConfigs(db, { sourceId, afterVersion: this.#knownVersion });
    if (fresh === null) throw new SourceGoneError(`source ${sourceId} was deleted`);
    if (fresh.length === 0) return;
    const byVersion = new Map(this.#configs.map((config) => [config.version, config]));
    for (const config of fresh) byVersion.set(config.version, config);
    this.#configs = [...byVersion.values()].sort((a, b) => (a.version < b.version ? -1 : 1));
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

  /** Each sink's messages for `changes`, filtered; sinks that take none of them are left out. */
  async route(changes: readonly CapturedChange[]): Promise<SinkBatch[]> {
    // A sink whose filter changed inside the batch has one share per filter text.
    const shares = new Map<string, { sink: SourceSinkRoute; messages: PreparedMessage[] }>();
    let untaken = 0;
    for (const change of changes) {
      const key = tableKey(change.relation.schema, change.relation.name);
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
        const shareKey = `${sink.sinkId}\u0000${sink.filterSource ?? ''}`;
        let share = shares.get(shareKey);
        if (!share) {
          share = { sink, messages: [] };
          shares.set(shareKey, share);
        }
        share.messages.push(prepareMessage(message, sink.laneCount));
      }
      if (!rowChange) untaken += 1;
    }
    if (untaken > 0) {
      // A table still in the publication after its last sink let it go, or an action no sink takes.
      this.options.logger.debug(
        { source: this.options.sourceName, changes: untaken },
        'changes taken by no sink',
      );
    }
    const batches: SinkBatch[] = [];
    for (const { sink, messages } of shares.values()) {
      const { kept, filteredOut } = await this.#filters.apply(sink, messages);
      batches.push({
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

import {
  type Database,
  getSourceConfigVersion,
  loadSourceRoutes,
  type PreparedMessage,
  prepareMessage,
  type SourceRoutes,
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
 * Turns captured changes into each sink's messages, with the sinks' configuration as it is when
 * the changes are stored. `refresh()` runs before every store: it compares the source's
 * configuration version (moved by a trigger on every sink change) with the one the routes were
 * loaded at, and reloads them when it moved. A change is read from the slot only after it was
 * committed, so any configuration saved before that commit is in the database by then: a
 * change is never stored under routes older than the configuration in force when it was
 * committed, whatever the timing (docs/decisions.md, "Configuration changes").
 */
export class ChangeRouter {
  readonly #filters: SinkFilters;
  #routes: SourceRoutes | null = null;

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

  /** The sinks the routes hold now (empty before the first refresh). */
  get sinks(): readonly SourceSinkRoute[] {
    return this.#routes?.sinks ?? [];
  }

  /** Makes the routes current; throws SourceGoneError when the source was deleted. */
  async refresh(): Promise<void> {
    const { db, sourceId } = this.options;
    if (this.#routes) {
      const version = await getSourceConfigVersion(db, { sourceId });
      if (version === null) throw new SourceGoneError(`source ${sourceId} was deleted`);
      if (version === this.#routes.version) return;
    }
    const routes = await loadSourceRoutes(db, { sourceId });
    if (!routes) throw new SourceGoneError(`source ${sourceId} was deleted`);
    if (this.#routes) {
      this.options.logger.info(
        {
          sourceId,
          source: this.options.sourceName,
          configVersion: routes.version.toString(),
          sinks: routes.sinks.map((sink) => sink.sinkName),
        },
        'the sinks of the source changed: routing by the new configuration',
      );
    }
    this.#routes = routes;
  }

  /** Each sink's messages for `changes`, filtered; sinks that take none of them are left out. */
  async route(changes: readonly CapturedChange[]): Promise<SinkBatch[]> {
    const bySink = new Map<SourceSinkRoute, PreparedMessage[]>();
    let untaken = 0;
    for (const change of changes) {
      const key = tableKey(change.relation.schema, change.relation.name);
      let rowChange: RowChange | null = null;
      for (const sink of this.sinks) {
        const table = sink.tables.get(key);
        if (!table?.actions.has(change.action)) continue;
        rowChange ??= this.#decode(change);
        const message = buildMessage(rowChange, change.position, {
          databaseName: this.options.databaseName,
          sink,
          table,
        });
        let messages = bySink.get(sink);
        if (!messages) {
          messages = [];
          bySink.set(sink, messages);
        }
        messages.push(prepareMessage(message, sink.laneCount));
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
    for (const [sink, messages] of bySink) {
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

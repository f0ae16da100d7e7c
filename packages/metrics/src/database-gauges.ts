import { SINK_HEALTH_STATUSES, type SinkHealth, SOURCE_HEALTH_STATUSES } from '@shardline/core';
import {
  type BackfillProgress,
  type Db,
  listBackfillProgress,
  listSinkBacklogs,
  listSinkHealth,
  listSourceHealth,
  type SinkBacklog,
  type SourceHealthRecord,
} from '@shardline/db';
import { Gauge, type Registry, register } from 'prom-client';

export interface DatabaseGaugeOptions {
  /** Shardline's database. */
  db: Db;
  registry?: Registry;
  /** Told when the database did not answer; the scrape then leaves these gauges out. */
  onError: (error: Error) => void;
  /** A scrape waits this long for the database at most. */
  timeoutMs?: number;
}

interface Snapshot {
  backlogs: SinkBacklog[];
  backfills: BackfillProgress[];
  sinkHealth: Map<string, SinkHealth>;
  sourceHealth: Map<string, SourceHealthRecord>;
}

/**
 * Gauges read from the database when scraped: every sink's backlog and the age of its oldest
 * waiting message, and each unfinished backfill's progress. They describe the shared database,
 * so every engine reports the same values; the queries are index range scans over waiting
 * messages only (listSinkBacklogs), cheap on a table of millions of delivered ones.
 * Once per registry: they read the database they were given.
 */
export function registerDatabaseGauges(options: DatabaseGaugeOptions): void {
  const registry = options.registry ?? register;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let reading: Promise<Snapshot | null> | null = null;

  /**
   * One read per scrape: a scrape collects every gauge at once, so they all join the read under
   * way (as does a second scraper arriving meanwhile); the next scrape reads afresh.
   */
  function snapshot(): Promise<Snapshot | null> {
    if (reading) return reading;
    const read = Promise.all([
      listSinkBacklogs(options.db),
      listBackfillProgress(options.db),
      listSourceHealth(options.db),
    ]).then(async ([backlogs, backfills, sourceHealth]) => ({
      backlogs,
      backfills,
      sourceHealth,
      sinkHealth: await listSinkHealth(options.db, { sources: sourceHealth }),
    }));
    reading = withinMs(timeoutMs, read)
      .catch(failed)
      .finally(() => {
        reading = null;
      });
    return reading;
  }
  function failed(error: Error): null {
    options.onError(error);
    return null;
  }

  /** A gauge whose values are set from the snapshot at every scrape, and cleared when there is none. */
  function databaseGauge<L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    fill: (gauge: Gauge<L>, data: Snapshot) => void,
  ): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const data = await snapshot();
        // Sinks and backfills that are gone drop out instead of keeping their last value.
        this.reset();
        if (data) fill(this, data);
      },
    });
  }

  databaseGauge(
    'shardline_sink_info',
    'One series per sink, always 1, naming it: join on sink_id to show names.',
    ['sink_id', 'sink'],
    (gauge, { backlogs }) => {
      for (const sink of backlogs) gauge.set({ sink_id: sink.sinkId, sink: sink.sinkName }, 1);
    },
  );
  databaseGauge(
    'shardline_backlog_messages',
    'Messages of a sink waiting to be delivered, by state (pending: not tried yet or waiting for its group; failing: its last attempt failed). From the database: every engine reports the same value.',
    ['sink_id', 'state'],
    (gauge, { backlogs }) => {
      for (const sink of backlogs) {
        gauge.set({ sink_id: sink.sinkId, state: 'pending' }, sink.pending);
        gauge.set({ sink_id: sink.sinkId, state: 'failing' }, sink.failing);
      }
    },
  );
  databaseGauge(
    'shardline_backlog_oldest_age_seconds',
    "Seconds since the sink's first waiting (pending or failing) message in commit order was stored; 0 when nothing waits. From the database: every engine reports the same value.",
    ['sink_id'],
    (gauge, { backlogs }) => {
      for (const sink of backlogs) gauge.set({ sink_id: sink.sinkId }, sink.oldestAgeSeconds ?? 0);
    },
  );
  databaseGauge(
    'shardline_sink_health',
    `1 for each sink's current health: its status (${SINK_HEALTH_STATUSES.join(', ')}) and reason code (empty when healthy), as the API's health (docs/api.md). From the database: every engine reports the same value.`,
    ['sink_id', 'status', 'reason'],
    (gauge, { sinkHealth }) => {
      for (const [sinkId, health] of sinkHealth) {
        gauge.set({ sink_id: sinkId, status: health.status, reason: health.reason ?? '' }, 1);
      }
    },
  );
  databaseGauge(
    'shardline_source_health',
    `1 for each source's current health: its status (${SOURCE_HEALTH_STATUSES.join(', ')}) and reason code (empty when none). From the database.`,
    ['source_id', 'status', 'reason'],
    (gauge, { sourceHealth }) => {
      for (const [sourceId, { health }] of sourceHealth) {
        gauge.set({ source_id: sourceId, status: health.status, reason: health.reason ?? '' }, 1);
      }
    },
  );
  databaseGauge(
    'shardline_source_retained_wal_bytes',
    "WAL the source's replication slot keeps on its server, as of the latest health check; absent while unknown (no slot yet, or not checked). From the database.",
    ['source_id'],
    (gauge, { sourceHealth }) => {
      for (const [sourceId, { health }] of sourceHealth) {
        if (health.retainedWalBytes !== null) gauge.set({ source_id: sourceId }, health.retainedWalBytes);
      }
    },
  );
  databaseGauge(
    'shardline_backfill_rows_done',
    'Rows a running or paused backfill has read so far. From the database.',
    ['backfill_id', 'sink_id'],
    (gauge, { backfills }) => {
      for (const backfill of backfills)
        gauge.set({ backfill_id: backfill.backfillId, sink_id: backfill.sinkId }, backfill.rowsDone);
    },
  );
  databaseGauge(
    'shardline_backfill_rows_estimated',
    "Rows a running or paused backfill expects to read in all (Postgres' estimate, refreshed as each table starts); absent until estimated. From the database.",
    ['backfill_id', 'sink_id'],
    (gauge, { backfills }) => {
      for (const backfill of backfills) {
        if (backfill.rowsTotalEstimate === null) continue;
        gauge.set({ backfill_id: backfill.backfillId, sink_id: backfill.sinkId }, backfill.rowsTotalEstimate);
      }
    },
  );
}

async function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

import { NotFoundError, type SinkHealth, THROTTLING_ERROR_CODES } from '@shardline/core';
import type { Db } from '../database';
import { listSinkHealth } from '../health/list-sink-health';
import { countMessages } from '../messages/count-messages';
import { isUuid } from './sink-id';
import { DEFAULT_STATS_RANGE, STATS_RANGES, type StatsRange } from './stats-range';

/** One bucket of the activity chart: messages delivered, and failed attempts, in that time. */
export interface ThroughputBucket {
  /** Start of the bucket; it lasts `bucketMinutes`. */
  start: Date;
  delivered: number;
  failed: number;
  /** Attempts Kinesis throttled: back-pressure, not failures (not counted in `failed`). */
  throttled: number;
}

export interface SinkStats {
  health: SinkHealth;
  counts: {
    /** Messages waiting to be sent, the ones being sent now included. */
    waiting: number;
    /** Messages inside a request under way right now. */
    sending: number;
    /** Deprecated names of `waiting` and `sending`. */
    pending: number;
    inFlight: number;
    failing: number;
    delivered: number;
    discarded: number;
    deliveredLastHour: number;
    /** Messages the sink's filter dropped, since it was created. */
    filteredCount: bigint;
  };
  /** How long the oldest failing message has waited since it was stored; null when none fails. */
  oldestFailingAgeMs: number | null;
  /** The range the throughput covers, and the length of each of its buckets. */
  range: StatsRange;
  bucketMinutes: number;
  /** The range's buckets, oldest first, the current (partial) bucket last. */
  throughput: ThroughputBucket[];
}

/** The sink's counters and activity over `range` (default the last hour), for its overview page. */
export async function getSinkStats(
  db: Db,
  options: { sinkId: string; range?: StatsRange },
): Promise<SinkStats> {
  const { sinkId, range = DEFAULT_STATS_RANGE } = options;
  const { bucketCount, bucketMinutes } = STATS_RANGES[range];
  const sink = isUuid(sinkId)
    ? await db.prisma.sink.findUnique({
        where: { id: sinkId },
        select: { filteredCount: true },
      })
    : null;
  if (!sink) throw new NotFoundError(`sink ${sinkId} does not exist`);

  const [counts, failing, deliveredLastHour, throughput, healths] = await Promise.all([
    countMessages(db, { sinkId }),
    db.pool.query<{ oldest_age_ms: string | null }>(
      `SELECT (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::int8 AS oldest_age_ms
         FROM message WHERE sink_id = $1 AND state = 'failing'`,
      [sinkId],
    ),
    // The counter keeps meaning the last hour (this minute and the 59 before) whatever the range.
    db.pool.query<{ count: string }>(
      `SELECT count(*) FROM message
        WHERE sink_id = $1 AND state = 'delivered'
          AND delivered_at >= date_trunc('minute', now()) - interval '59 minutes'`,
      [sinkId],
    ),
    // Buckets come from the database's clock, like delivered_at and attempted_at, so the chart
    // never shifts by the skew between the console's host and the database's; now() is fixed
    // for the statement, so every part agrees on which buckets these are. date_bin counts from
    // the Unix epoch, so buckets fall on whole quarter hours and hours in UTC whatever the
    // session's time zone.
    db.pool.query<{ start: Date; delivered: string; failed: string; throttled: string }>(
      `WITH bounds AS (
         SELECT make_interval(mins => $3) AS width,
                date_bin(make_interval(mins => $3), now(), timestamptz 'epoch') AS last
       ),
       buckets AS (
         SELECT generate_series(last - width * ($4 - 1), last, width) AS start FROM bounds
       ),
       delivered AS (
         SELECT date_bin(width, delivered_at, timestamptz 'epoch') AS start, count(*) AS count
           FROM message, bounds
          WHERE sink_id = $1 AND state = 'delivered' AND delivered_at >= last - width * ($4 - 1)
          GROUP BY 1
       ),
       failed AS (
         SELECT date_bin(width, attempted_at, timestamptz 'epoch') AS start,
                count(*) FILTER (WHERE error_code <> ALL($2::text[])) AS count,
                count(*) FILTER (WHERE error_code = ANY($2::text[])) AS throttled
           FROM delivery_attempt, bounds
          WHERE sink_id = $1 AND attempted_at >= last - width * ($4 - 1)
          GROUP BY 1
       )
       SELECT b.start, coalesce(d.count, 0) AS delivered, coalesce(f.count, 0) AS failed,
              coalesce(f.throttled, 0) AS throttled
         FROM buckets b LEFT JOIN delivered d USING (start) LEFT JOIN failed f USING (start)
        ORDER BY b.start`,
      [sinkId, THROTTLING_ERROR_CODES, bucketMinutes, bucketCount],
    ),
    listSinkHealth(db, { sinkIds: [sinkId] }),
  ]);
  const health = healths.get(sinkId);
  if (!health) throw new NotFoundError(`sink ${sinkId} does not exist`);
  const buckets = throughput.rows.map((row) => ({
    start: row.start,
    delivered: Number(row.delivered),
    failed: Number(row.failed),
    throttled: Number(row.throttled),
  }));
  const oldestAge = failing.rows[0]?.oldest_age_ms;
  return {
    health,
    counts: {
      waiting: counts.waiting,
      sending: counts.sending,
      pending: counts.pending,
      inFlight: counts.inFlight,
      failing: counts.failing,
      delivered: counts.delivered,
      discarded: counts.discarded,
      deliveredLastHour: Number(deliveredLastHour.rows[0]?.count ?? 0),
      filteredCount: sink.filteredCount,
    },
    oldestFailingAgeMs: oldestAge === null || oldestAge === undefined ? null : Math.max(0, Number(oldestAge)),
    range,
    bucketMinutes,
    throughput: buckets,
  };
}

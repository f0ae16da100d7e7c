import { NotFoundError, type SinkHealth, THROTTLING_ERROR_CODES } from '@shardline/core';
import type { Database } from '../database';
import { listSinkHealth } from '../health/list-sink-health';
import { countMessages } from '../messages/count-messages';
import { isUuid } from './sink-id';

/** One minute of the throughput chart: messages delivered, and failed attempts, in that minute. */
export interface ThroughputMinute {
  /** Start of the minute. */
  minute: Date;
  delivered: number;
  failed: number;
  /** Attempts Kinesis throttled: back-pressure, not failures (not counted in `failed`). */
  throttled: number;
}

export interface SinkStats {
  health: SinkHealth;
  counts: {
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
  /** The last 60 minutes, oldest first, the current (partial) minute last. */
  throughput: ThroughputMinute[];
}

/** The sink's counters and last hour of activity, for its overview page. */
export async function getSinkStats(db: Database, options: { sinkId: string }): Promise<SinkStats> {
  const { sinkId } = options;
  const sink = isUuid(sinkId)
    ? await db.prisma.sink.findUnique({
        where: { id: sinkId },
        select: { filteredCount: true },
      })
    : null;
  if (!sink) throw new NotFoundError(`sink ${sinkId} does not exist`);

  const [counts, failing, throughput, healths] = await Promise.all([
    countMessages(db.pool, { sinkId }),
    db.pool.query<{ oldest_age_ms: string | null }>(
      `SELECT (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::int8 AS oldest_age_ms
         FROM message WHERE sink_id = $1 AND state = 'failing'`,
      [sinkId],
    ),
    // Minutes come from the database's clock, like delivered_at and attempted_at, so the chart
    // never shifts by the skew between the console's host and the database's; now() is fixed
    // for the statement, so every part agrees on which 60 minutes these are.
    db.pool.query<{ minute: Date; delivered: string; failed: string; throttled: string }>(
      `WITH minutes AS (
         SELECT generate_series(date_trunc('minute', now()) - interval '59 minutes',
                                date_trunc('minute', now()), interval '1 minute') AS minute
       ),
       delivered AS (
         SELECT date_trunc('minute', delivered_at) AS minute, count(*) AS count FROM message
          WHERE sink_id = $1 AND state = 'delivered'
            AND delivered_at >= date_trunc('minute', now()) - interval '59 minutes'
          GROUP BY 1
       ),
       failed AS (
         SELECT date_trunc('minute', attempted_at) AS minute,
                count(*) FILTER (WHERE error_code <> ALL($2::text[])) AS count,
                count(*) FILTER (WHERE error_code = ANY($2::text[])) AS throttled
           FROM delivery_attempt
          WHERE sink_id = $1 AND attempted_at >= date_trunc('minute', now()) - interval '59 minutes'
          GROUP BY 1
       )
       SELECT m.minute, coalesce(d.count, 0) AS delivered, coalesce(f.count, 0) AS failed,
              coalesce(f.throttled, 0) AS throttled
         FROM minutes m LEFT JOIN delivered d USING (minute) LEFT JOIN failed f USING (minute)
        ORDER BY m.minute`,
      [sinkId, THROTTLING_ERROR_CODES],
    ),
    listSinkHealth(db.pool, { sinkIds: [sinkId] }),
  ]);
  const health = healths.get(sinkId);
  if (!health) throw new NotFoundError(`sink ${sinkId} does not exist`);
  const minutes = throughput.rows.map((row) => ({
    minute: row.minute,
    delivered: Number(row.delivered),
    failed: Number(row.failed),
    throttled: Number(row.throttled),
  }));
  const oldestAge = failing.rows[0]?.oldest_age_ms;
  return {
    health,
    counts: {
      pending: counts.pending,
      inFlight: counts.inFlight,
      failing: counts.failing,
      delivered: counts.delivered,
      discarded: counts.discarded,
      deliveredLastHour: minutes.reduce((sum, minute) => sum + minute.delivered, 0),
      filteredCount: sink.filteredCount,
    },
    oldestFailingAgeMs: oldestAge === null || oldestAge === undefined ? null : Math.max(0, Number(oldestAge)),
    throughput: minutes,
  };
}

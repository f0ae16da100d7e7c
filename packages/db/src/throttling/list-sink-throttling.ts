import { HEALTH_TIMING, type ThrottlingFacts } from '@shardline/core';
import type { Db } from '../database';
import { agoMsSql } from '../health/check-versions';

/** A throttled sink as its engines' fresh reports say it, with how long it has been so. */
export interface SinkThrottling extends ThrottlingFacts {
  /** Since `since`, by the database's clock. */
  forMs: number;
}

interface Row {
  sink_id: string;
  records_per_second: number;
  shards_at_limit: string[];
  throttled_records: number;
  since: Date;
  for_ms: number;
}

/**
 * The sinks Kinesis throttles now (of `sinkIds`, or all), from the engines' reports: a sink is
 * throttled while one of its engines' fresh reports (HEALTH_TIMING.throttleReportFreshMs) says
 * so. Several engines may send to one sink: their rates add up (every fresh report's, throttled
 * or not), their shards at the limit are united, the spell started with the earliest engine's.
 */
export async function listSinkThrottling(
  db: Db,
  options: { sinkIds?: string[] } = {},
): Promise<Map<string, SinkThrottling>> {
  const result = await db.pool.query<Row>(
    `WITH fresh AS (
       SELECT t.*, t.throttled_since IS NOT NULL AS throttling
         FROM sink_throttling t
        WHERE t.reported_at > now() - make_interval(secs => $2 / 1000.0)
          AND ($1::uuid[] IS NULL OR t.sink_id = ANY($1::uuid[]))
     )
     SELECT f.sink_id,
            sum(f.records_per_second)::float8 AS records_per_second,
            coalesce((SELECT array_agg(DISTINCT shard ORDER BY shard)
                        FROM fresh g CROSS JOIN LATERAL unnest(g.shards_at_limit) AS shard
                       WHERE g.sink_id = f.sink_id AND g.throttling), '{}') AS shards_at_limit,
            sum(f.throttled_records)::int AS throttled_records,
            min(f.throttled_since) FILTER (WHERE f.throttling) AS since,
            ${agoMsSql('min(f.throttled_since) FILTER (WHERE f.throttling)')} AS for_ms
       FROM fresh f
      GROUP BY f.sink_id
     HAVING bool_or(f.throttling)`,
    [options.sinkIds ?? null, HEALTH_TIMING.throttleReportFreshMs],
  );
  return new Map(
    result.rows.map((row) => [
      row.sink_id,
      {
        recordsPerSecond: row.records_per_second,
        shardsAtLimit: row.shards_at_limit,
        throttledRecords: row.throttled_records,
        since: row.since,
        forMs: Math.max(0, row.for_ms),
      },
    ]),
  );
}

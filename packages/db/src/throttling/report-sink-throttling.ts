import { HEALTH_TIMING } from '@shardline/core';
import { z } from 'zod';
import type { Db } from '../database';
import { parseOrThrow } from '../validation';

/** What one engine says about Kinesis throttling one sink, every few seconds while it lasts. */
export interface SinkThrottlingReport {
  sinkId: string;
  /** The reporting engine process; each keeps its own row. */
  engineId: string;
  /** What the engine sends to the sink's stream now (summed over shards). */
  recordsPerSecond: number;
  /** The shards that throttled lately (the engine counts over its last 30 s). */
  shardsAtLimit: string[];
  /** Records Kinesis throttled lately (the engine's same window); 0 in the report that says it cleared. */
  throttledRecords: number;
}

const reportSchema = z.object({
  sinkId: z.uuid({ error: 'must be a sink id (a UUID)' }),
  engineId: z.string().min(1, { error: 'must name the engine' }).max(200),
  recordsPerSecond: z
    .number()
    .finite()
    .nonnegative({ error: 'must be a rate of 0 or more records per second' }),
  shardsAtLimit: z.array(z.string().min(1, { error: 'must be shard ids' }).max(200)).max(10_000),
  throttledRecords: z.number().int().nonnegative({ error: 'must be a count of 0 or more records' }),
});

/**
 * Stores an engine's throttling report for a sink (docs/api.md, "Health"). A report with a
 * throttle in it (records throttled, or a shard at its limit) starts a throttled spell or
 * continues the engine's current one; a report without one says it cleared. The engine smooths
 * over its own window (it reports throttled while anything was throttled in its last 30 s), so
 * the state does not flicker between throttles. A sink deleted meanwhile is ignored: the engine
 * learns of it on its own. The sink's stale reports of other engines (gone, or no longer sending
 * to it) are removed on the way.
 */
export async function reportSinkThrottling(db: Db, options: SinkThrottlingReport): Promise<void> {
  const report = parseOrThrow(reportSchema, options);
  const throttled = report.throttledRecords > 0 || report.shardsAtLimit.length > 0;
  await db.pool.query(
    `WITH stale AS (
       DELETE FROM sink_throttling
        WHERE sink_id = $1 AND engine_id <> $2 AND reported_at < now() - make_interval(secs => $7 / 1000.0)
     )
     INSERT INTO sink_throttling AS t (sink_id, engine_id, records_per_second, shards_at_limit,
                                       throttled_records, throttled_since, reported_at)
     SELECT $1, $2, $3, $4::text[], $5, CASE WHEN $6 THEN now() END, now()
      WHERE EXISTS (SELECT 1 FROM sink WHERE id = $1)
     ON CONFLICT (sink_id, engine_id) DO UPDATE
        SET records_per_second = excluded.records_per_second,
            shards_at_limit = excluded.shards_at_limit,
            throttled_records = excluded.throttled_records,
            reported_at = now(),
            -- A spell goes on from its start while reports keep coming; after a silence (the
            -- engine stalled) a throttle starts a new one.
            throttled_since = CASE
              WHEN NOT $6 THEN NULL
              WHEN t.reported_at > now() - make_interval(secs => $7 / 1000.0) THEN coalesce(t.throttled_since, now())
              ELSE now()
            END`,
    [
      report.sinkId,
      report.engineId,
      report.recordsPerSecond,
      [...new Set(report.shardsAtLimit)].sort(),
      report.throttledRecords,
      throttled,
      HEALTH_TIMING.throttleReportFreshMs,
    ],
  );
}

import { RECORD_TOO_LARGE } from '@shardline/core';
import type { Db } from '../../database';
import { overrideArrays, type PerSinkThreshold } from './per-sink-threshold';

/** A sink none of whose deliveries has gone through for too long. */
export interface FailingSink {
  sinkId: string;
  sinkName: string;
  /** The first failed attempt since the last record Kinesis accepted. */
  failingSince: Date;
  /** When Kinesis last accepted a record of the sink; null if never (or before lanes kept it). */
  lastDeliveredAt: Date | null;
  latestError: { code: string; message: string } | null;
}

/**
 * Sinks that are not paused, have failing messages, and whose every attempt since the last
 * accepted record, for longer than `failingForMs` (the sink's own threshold, or the default), failed. Oversize messages are left out: they
 * are never sent, so they say nothing about whether the stream takes records (they have an
 * alert of their own), and an idle sink holding one would otherwise look down. The last accepted
 * record is per lane (delivery_lane.last_delivered_at, set by the statement that records
 * outcomes); the first failure after it is one probe of delivery_attempt_sink_attempted_idx.
 */
export async function findFailingSinks(
  db: Db,
  options: { failingForMs: PerSinkThreshold },
): Promise<FailingSink[]> {
  const result = await db.pool.query<{
    sink_id: string;
    sink_name: string;
    failing_since: Date;
    last_delivered_at: Date | null;
    latest_code: string | null;
    latest_message: string | null;
  }>(
    `SELECT s.id AS sink_id, s.name AS sink_name, f.attempted_at AS failing_since, d.last_delivered_at,
            latest.error_code AS latest_code, latest.error_message AS latest_message
       FROM sink s
       LEFT JOIN unnest($3::uuid[], $4::int8[]) AS own(sink_id, ms) ON own.sink_id = s.id
       CROSS JOIN LATERAL (
         SELECT max(l.last_delivered_at) AS last_delivered_at FROM delivery_lane l WHERE l.sink_id = s.id
       ) d
       CROSS JOIN LATERAL (
         SELECT a.attempted_at FROM delivery_attempt a
          WHERE a.sink_id = s.id AND a.error_code <> $2
            AND a.attempted_at > coalesce(d.last_delivered_at, '-infinity')
          ORDER BY a.attempted_at LIMIT 1
       ) f
       LEFT JOIN LATERAL (
         SELECT a.error_code, a.error_message FROM delivery_attempt a
          WHERE a.sink_id = s.id AND a.error_code <> $2
          ORDER BY a.attempted_at DESC LIMIT 1
       ) latest ON true
      WHERE s.paused_at IS NULL
        AND f.attempted_at < now() - coalesce(own.ms, $1) * interval '1 millisecond'
        AND EXISTS (
          SELECT 1 FROM message m
           WHERE m.sink_id = s.id AND m.state = 'failing' AND m.last_error_code IS DISTINCT FROM $2
        )
      ORDER BY s.name`,
    [options.failingForMs.defaultMs, RECORD_TOO_LARGE, ...overrideArrays(options.failingForMs)],
  );
  return result.rows.map((row) => ({
    sinkId: row.sink_id,
    sinkName: row.sink_name,
    failingSince: row.failing_since,
    lastDeliveredAt: row.last_delivered_at,
    latestError:
      row.latest_code === null ? null : { code: row.latest_code, message: row.latest_message ?? '' },
  }));
}

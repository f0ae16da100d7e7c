import { STREAM_LEVEL_ERROR_CODES } from '@shardline/core';
import type { Db } from '../database';
import { agoMsSql } from './check-versions';

/** What deliveries say about a sink's stream, without asking Kinesis. */
export interface SinkDeliveryEvidence {
  /** Since Kinesis last accepted a record of the sink (database clock); null: never. */
  deliveredAgoMs: number | null;
  /**
   * The latest delivery that failed for the whole stream (not found, access, credentials, the
   * network) since the last accepted record and since the sink was last edited; null: none.
   */
  streamFailure: { code: string; message: string } | null;
}

export async function getSinkDeliveryEvidence(
  db: Db,
  options: { sinkId: string },
): Promise<SinkDeliveryEvidence> {
  const result = await db.pool.query<{
    delivered_ago_ms: number | null;
    code: string | null;
    message: string | null;
  }>(
    `SELECT ${agoMsSql('d.last_delivered_at')} AS delivered_ago_ms, f.error_code AS code, f.error_message AS message
       FROM sink s
       CROSS JOIN LATERAL (SELECT max(l.last_delivered_at) AS last_delivered_at FROM delivery_lane l WHERE l.sink_id = s.id) d
       LEFT JOIN LATERAL (
         SELECT a.error_code, a.error_message FROM delivery_attempt a
          WHERE a.sink_id = s.id AND a.error_code = ANY($2::text[])
            AND a.attempted_at > greatest(coalesce(d.last_delivered_at, '-infinity'), s.updated_at)
          ORDER BY a.attempted_at DESC LIMIT 1
       ) f ON true
      WHERE s.id = $1`,
    [options.sinkId, STREAM_LEVEL_ERROR_CODES],
  );
  const row = result.rows[0];
  return {
    deliveredAgoMs: row?.delivered_ago_ms ?? null,
    streamFailure: row?.code ? { code: row.code, message: row.message ?? '' } : null,
  };
}
